package org.pmopulse.system;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTest {
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaStaysText() {
        String csv = CsvTable.of(List.of("name", "change"), List.of(
                List.of("=HYPERLINK(\"http://evil\",\"x\")", -5),
                List.of("+1", 3), List.of("@SUM(A1)", 0), List.of("-minus", 1), List.of("\tTab", 2)));

        assertThat(csv.lines().toList()).containsExactly("name,change",
                "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-5", "'+1,3", "'@SUM(A1),0", "'-minus,1",
                "'\tTab,2");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndLeavesEmptyForNothing() {
        String csv = CsvTable.of(List.of("a", "b", "c"), List.of(Arrays.asList("x, y", "two\r\nlines", null)));

        assertThat(csv).isEqualTo("a,b,c\n\"x, y\",\"two\r\nlines\",\n");
    }
}
