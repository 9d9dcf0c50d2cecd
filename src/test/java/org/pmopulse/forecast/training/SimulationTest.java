package org.pmopulse.forecast.training;

import org.junit.jupiter.api.Test;
import org.pmopulse.protrack.ProTrackFile;
import org.pmopulse.protrack.ProTrackProject;
import org.pmopulse.protrack.SmallProTrackFile;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Simulated executions of a network, tracked like the real file and converted by the same code. */
class SimulationTest {
    private static final Simulation.Settings SETTINGS = new Simulation.Settings(7, 12, 1.05, 0.15, 0.3);

    @Test
    void theSameSettingsGiveTheSameExecutions() {
        List<ClosedProject> first = Simulation.executions(SmallProTrackFile.project(), SETTINGS);
        List<ClosedProject> again = Simulation.executions(SmallProTrackFile.project(), SETTINGS);

        assertThat(first).hasSize(12);
        assertThat(again.stream().map(ClosedProject::realFinish).toList())
                .isEqualTo(first.stream().map(ClosedProject::realFinish).toList());
        assertThat(first.stream().map(ClosedProject::realFinish).distinct().count()).isGreaterThan(1);
    }

    @Test
    void withoutVariationTheExecutionIsTheBaselineAndFinishesOnThePlannedDay() {
        ProTrackProject small = SmallProTrackFile.project();
        ProTrackFile run = Simulation.execute(small.file(), new SplittableRandom(1), new Simulation.Settings(1, 1, 1, 0, 0));
        ProTrackProject converted = new ProTrackProject(run, "SIM");

        assertThat(converted.finished()).isTrue();
        assertThat(converted.realFinish()).isEqualTo(small.plannedFinish());
        // tracked at the real file's first status date, then its median gap, until finished
        assertThat(run.periods().get(0).statusDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 9));
        assertThat(converted.snapshots().get(0).progress().earnedValue())
                .isEqualTo(converted.snapshots().get(0).progress().plannedValue());
    }

    @Test
    void aSlowExecutionFinishesLateAndItsRowsSeeTheDelay() {
        ProTrackProject small = SmallProTrackFile.project();
        ProTrackFile run = Simulation.execute(small.file(), new SplittableRandom(1), new Simulation.Settings(1, 1, 1.5, 0, 0));
        ProTrackProject converted = new ProTrackProject(run, "SLOW");
        List<TrainingRow> rows = new ClosedProject("SLOW", converted.snapshots(), converted.realFinish()).rows();

        assertThat(converted.realFinish()).isAfter(small.plannedFinish());
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.realDays()).isGreaterThan(r.plannedDays()));
        assertThat(rows.get(0).spiT()).isLessThan(1);
    }
}
