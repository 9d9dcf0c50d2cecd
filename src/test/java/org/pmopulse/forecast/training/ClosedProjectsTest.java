package org.pmopulse.forecast.training;

import org.junit.jupiter.api.Test;
import org.pmopulse.protrack.SmallProTrackFile;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a finished project is recognised in Pulse's own data, and what it gives the training. */
class ClosedProjectsTest {
    private static List<Snapshot> small() {
        return SmallProTrackFile.project().snapshots();
    }

    @Test
    void aProjectClosingAtOneHundredPercentFinishedOnItsLatestTaskFinish() {
        assertThat(ClosedProjects.realFinish(small())).isEqualTo(LocalDate.of(2025, 1, 15));
    }

    @Test
    void aProjectStillRunningIsNotTrainingData() {
        assertThat(ClosedProjects.realFinish(small().subList(0, 1))).isNull();
    }

    @Test
    void eachForecastableSnapshotBecomesARowWithTheRealDurationAndNoLaterKnowledge() {
        List<TrainingRow> rows = new ClosedProject("SMALL", small(), LocalDate.of(2025, 1, 15)).rows();

        assertThat(rows).hasSize(2);
        TrainingRow first = rows.get(0);
        assertThat(first.realDays()).isEqualTo(9);
        assertThat(first.plannedDays()).isEqualTo(8);
        assertThat(first.es1Days()).isEqualTo(first.actualTimeDays() + first.plannedDays() - first.esDays());
        assertThat(first.target()).isEqualTo(Math.log(9 / first.es1Days()));
        assertThat(first.features()).doesNotContainKey("spiTTrend"); // no earlier snapshot yet
        assertThat(rows.get(1).features()).containsKey("spiTTrend");
        assertThat(first.stage()).isEqualTo(org.pmopulse.forecast.Stage.MIDDLE);
    }
}
