package org.pmopulse.portfolio;

import org.junit.jupiter.api.Test;
import org.pmopulse.rules.portfolio.Ties;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.support.PulseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@PulseTest
class PortfolioWeeksTest {
    @Autowired
    PortfolioWeeks weeks;

    private static ProjectWeek line(String project, int score) {
        return new ProjectWeek(project, null, null, null, null, LocalDate.of(2001, 3, 9), score, Rag.GREEN, Rag.GREEN,
                null, 0, null, null, null, 1.0, project + "/2001-W10/v", "v", Instant.parse("2001-03-09T07:00:00Z"), new Ties(LocalDate.of(2001, 6, 1),
                List.of(new Ties.Allocation("a.lee", 60)), List.of("Northwind"),
                List.of(new Ties.Awaited("CRM", "API v2", LocalDate.of(2001, 4, 2)))));
    }

    @Test
    void aLineKeepsWhatTheProjectSharesEvenWithDotsInNames() {
        weeks.record("2001-W11", line("DOTS", 70));

        assertThat(weeks.week("2001-W11")).singleElement().satisfies(p -> {
            assertThat(p.ties().people()).containsExactly(new Ties.Allocation("a.lee", 60));
            assertThat(p.ties().suppliers()).containsExactly("Northwind");
            assertThat(p.member().ties().awaits().get(0).needBy()).isEqualTo(LocalDate.of(2001, 4, 2));
        });
    }

    @Test
    void writersOfOneWeekNeverOverwriteEachOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String project = "W-" + i;
                writers.add(() -> {
                    weeks.record("2001-W10", line(project, 50));
                    weeks.record("2001-W10", line(project, 60));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<ProjectWeek> week = weeks.week("2001-W10");
        assertThat(week).extracting(ProjectWeek::projectId)
                .containsExactly("W-0", "W-1", "W-2", "W-3", "W-4", "W-5", "W-6", "W-7");
        assertThat(week).allSatisfy(p -> assertThat(p.score()).isEqualTo(60));
        assertThat(weeks.week("2001-W11")).isEmpty();
    }
}
