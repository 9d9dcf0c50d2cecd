package org.pmopulse.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list a rule file's code must keep to: what is refused, where it is reported, and what stays allowed. */
class RuleCodePolicyTest {
    private static final String HEADER = """
            package earlywarning;
            import org.pmopulse.rules.fact.*;
            import org.pmopulse.snapshot.*;
            import function org.pmopulse.rules.Emit.finding;
            global org.pmopulse.rules.Thresholds thresholds;
            """;

    private static String rule(String when, String then) {
        return HEADER + """
                rule "EW-TST-001 Test rule"
                    @kind(EARLY_WARNING) @dimension(schedule) @severity(LOW)
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    private static List<RuleMessage> check(String drl) {
        return RuleCodePolicy.standard().check("earlywarning/test.drl", drl);
    }

    @ParameterizedTest(name = "refuses {0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit in an action            | $p : ProjectFact()                       | System.exit(42);                                  | 'System'
            Runtime in an action                | $p : ProjectFact()                       | Runtime.getRuntime().halt(1);                     | 'Runtime'
            a qualified System                  | $p : ProjectFact()                       | java.lang.System.exit(1);                         | java.lang.System
            reading a file                      | $p : ProjectFact()                       | java.nio.file.Files.readString(null);             | java.nio.file.Files
            a thread                            | $p : ProjectFact()                       | new Thread().start();                             | 'Thread'
            a socket                            | $p : ProjectFact()                       | new java.net.Socket("h", 1);                      | java.net.Socket
            reflection by getClass              | $p : ProjectFact()                       | $p.getClass().getDeclaredMethods();               | 'getClass'
            reflection by a class literal       | $p : ProjectFact()                       | Object o = String.class;                          | 'class'
            system properties through Integer   | $p : ProjectFact()                       | Integer.getInteger("user.home");                  | 'getInteger'
            an endless while loop               | $p : ProjectFact()                       | while (true) { }                                  | 'while'
            reaching into the engine            | $p : ProjectFact()                       | drools.getKieRuntime().halt();                    | drools.getKieRuntime
            changing a fact                     | $p : ProjectFact()                       | modify($p) { };                                   | 'modify'
            System.exit in a condition          | ProjectFact(eval(System.exit(1) == 0))   | insert(finding(drools, "x"));                     | 'System'
            a class of Pulse that is no fact    | $p : ProjectFact()                       | org.pmopulse.cli.PulseCli.run(null, null, null);  | org.pmopulse.cli.PulseCli
            """)
    void refusesWhatCouldStopTheServerOrReadWhatItShouldNot(String name, String when, String then, String named) {
        List<RuleMessage> problems = check(rule(when, then));

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).message()).contains(named);
        assertThat(problems.get(0).file()).isEqualTo("earlywarning/test.drl");
        assertThat(problems.get(0).line()).isGreaterThan(HEADER.split("\n").length);
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"import java.io.File;", "import java.net.*;", "import static java.lang.System.exit;",
            "global java.util.List sink;", "import function java.lang.System.exit;"})
    void refusesImportsAndGlobalsOutsideTheAllowList(String declaration) {
        List<RuleMessage> problems = check(HEADER + declaration + "\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).containsAnyOf("import of", "the only global");
        });
    }

    @Test
    void aUnicodeEscapeIsRefusedSinceItCouldHideAnything() {
        List<RuleMessage> problems = check(rule("$p : ProjectFact()", "// \\u000a \\u0053ystem.exit(1);"));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("unicode escapes"));
    }

    @Test
    void namesInCommentsAndTextAreNotCode() {
        String drl = rule("$p : ProjectFact(projectId != \"System.exit(1)\")",
                "// System.exit would stop the server\ninsert(finding(drools, \"Runtime %s\", $p.projectId()));");

        assertThat(check(drl)).isEmpty();
    }

    @Test
    void theShapesTheShippedRulesUseAreAllowed() {
        String drl = rule("""
                Indicators($spi : spi, $spi != null, $spi < thresholds.get("schedule.spi.amber"))
                    $earlier : java.util.List(size >= 2) from collect(PastWeek(spiT != null))""", """
                java.util.List<Double> series = new java.util.ArrayList<>();
                    for (Object o : $earlier) { series.add(((PastWeek) o).spiT()); }
                    insert(finding(drools, Severity.HIGH, "SPI is %.2f (%s)", $spi, String.join(", ",
                            java.util.List.of("a"))).with("spi", Math.round($spi * 100) / 100.0));""");

        assertThat(check(drl)).isEmpty();
    }
}
