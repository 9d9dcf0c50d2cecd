package org.pmopulse.schedule;

import org.pmopulse.rules.ScheduleChecks;

import org.junit.jupiter.api.Test;
import org.pmopulse.rules.fact.ScheduleCheck;
import org.pmopulse.rules.fact.TaskFact;
import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.Snapshot;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Worked examples, status date 2026-11-02 (day 0). Network: A (10 days, running at 50 %) -> B (6 days) -> D
 * (4 days); A -> C (2 days) -> D; D finishes the project. Baseline finish of the project 2026-11-20 (day 18).
 */
class ScheduleNetworkTest {
    private static final LocalDate STATUS = LocalDate.of(2026, 11, 2);

    private static Snapshot.Task task(String id, int baselineStartDay, int days, Double percent, Snapshot.Predecessor... preds) {
        LocalDate start = STATUS.plusDays(baselineStartDay);
        return new Snapshot.Task(id, id, start, start.plusDays(days), percent != null && percent > 0 ? start : null,
                null, percent, null, null, List.of("p." + id), List.of(preds));
    }

    private static Snapshot.Predecessor fs(String id) {
        return new Snapshot.Predecessor(id, RelationType.FS, 0);
    }

    private static final List<Snapshot.Task> NETWORK = List.of(
            task("A", -5, 10, 50.0),
            task("B", 5, 6, 0.0, fs("A")),
            task("C", 5, 2, 0.0, fs("A")),
            task("D", 11, 4, 0.0, fs("B"), fs("C")));

    @Test
    void forwardAndBackwardPassGiveFloatAndTheFinish() {
        ScheduleNetwork n = ScheduleNetwork.of(NETWORK, STATUS);

        // A started day -5, 10 days, 50 % done: 5 days remain from today -> finishes day 5
        assertThat(n.nodes().get("A").earlyFinish()).isEqualTo(5.0);
        // B: 5..11, C: 5..7, D waits for both: 11..15
        assertThat(n.nodes().get("B").earlyFinish()).isEqualTo(11.0);
        assertThat(n.nodes().get("C").earlyFinish()).isEqualTo(7.0);
        assertThat(n.nodes().get("D").earlyStart()).isEqualTo(11.0);
        assertThat(n.finishDay()).isEqualTo(15.0);
        assertThat(n.forecastFinish()).isEqualTo(LocalDate.of(2026, 11, 17));
        // backward from day 15: D late finish 15; B late finish 11 (float 0); C late finish 11 (float 4)
        assertThat(n.nodes().get("B").totalFloat()).isEqualTo(0.0);
        assertThat(n.nodes().get("C").totalFloat()).isEqualTo(4.0);
        assertThat(n.nodes().get("A").totalFloat()).isEqualTo(0.0);
        assertThat(n.criticalPathContinuous()).isTrue();
    }

    @Test
    void startToStartAndFinishToFinishLinksWithLags() {
        List<Snapshot.Task> tasks = List.of(
                task("A", 0, 10, 0.0),
                task("B", 0, 4, 0.0, new Snapshot.Predecessor("A", RelationType.SS, 3)),   // starts day 3
                task("C", 0, 2, 0.0, new Snapshot.Predecessor("A", RelationType.FF, 1)));  // finishes day 11

        ScheduleNetwork n = ScheduleNetwork.of(tasks, STATUS);

        assertThat(n.nodes().get("B").earlyStart()).isEqualTo(3.0);
        assertThat(n.nodes().get("C").earlyFinish()).isEqualTo(11.0);
        assertThat(n.finishDay()).isEqualTo(11.0);
        assertThat(n.nodes().get("B").totalFloat()).isEqualTo(4.0);  // B ends day 7; could end day 11
    }

    @Test
    void aLoopHasNoCriticalPath() {
        List<Snapshot.Task> tasks = List.of(task("A", 0, 2, 0.0, fs("B")), task("B", 2, 2, 0.0, fs("A")));

        ScheduleNetwork n = ScheduleNetwork.of(tasks, STATUS);

        assertThat(n.cycle()).containsExactlyInAnyOrder("A", "B");
        assertThat(n.criticalPathContinuous()).isFalse();
    }

    @Test
    void checksMeasureCpliBeiAndWorkingDayFloat() {
        Snapshot.Baseline baseline = new Snapshot.Baseline(STATUS.minusDays(30), STATUS.plusDays(18), 1.0, null, List.of());
        Snapshot snapshot = new Snapshot("P", STATUS, null, null, null, baseline, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, NETWORK, null);

        List<Object> facts = ScheduleChecks.facts(snapshot);

        ScheduleCheck cpli = check(facts, "criticalPathLengthIndex");
        // critical path length 18 days, network finish day 15: total float 3; CPLI = (18 + 3) / 18 = 1.167
        assertThat(cpli.value()).isCloseTo(1.167, within(0.001));
        // nothing is due by the status date: BEI cannot be computed
        assertThat(check(facts, "baselineExecutionIndex").value()).isNull();
        // C has 4 calendar days of float = 2.9 working days
        TaskFact c = facts.stream().filter(f -> f instanceof TaskFact t && t.id().equals("C")).map(TaskFact.class::cast)
                .findFirst().orElseThrow();
        assertThat(c.floatWorkingDays()).isEqualTo(2.9);
        assertThat(check(facts, "nonFinishToStart").value()).isEqualTo(100.0);
        assertThat(check(facts, "criticalPathTest").count()).isZero();
    }

    @Test
    void noTasksNoScheduleFacts() {
        Snapshot snapshot = new Snapshot("P", STATUS, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(), null);

        assertThat(ScheduleChecks.facts(snapshot)).isEmpty();
    }

    private static ScheduleCheck check(List<Object> facts, String id) {
        return facts.stream().filter(f -> f instanceof ScheduleCheck c && c.check().equals(id))
                .map(ScheduleCheck.class::cast).findFirst().orElseThrow();
    }
}
