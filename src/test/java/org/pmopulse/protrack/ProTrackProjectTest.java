package org.pmopulse.protrack;

import org.junit.jupiter.api.Test;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.PulseJson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The small test project ({@link SmallProTrackFile}), worked by hand: Design (Mon-Tue, fixed 1 000 +
 * a designer at 50 an hour, 16 h), Build (Thu-Mon after the Wednesday holiday, 100 an hour, 24 h), Handover
 * (a milestone on Tuesday 14 January worth 200). Budget 1 800 + 2 400 + 200 = 4 400.
 */
class ProTrackProjectTest {
    static ProTrackProject small() {
        return SmallProTrackFile.project();
    }

    @Test
    void theBaselineCostsFollowTheFixedPerUseAndHourlyParts() {
        ProTrackProject p = small();

        assertThat(p.budget()).isEqualTo(4400);
        assertThat(p.start()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(p.plannedFinish()).isEqualTo(LocalDate.of(2025, 1, 14));
        assertThat(p.realFinish()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(p.finished()).isTrue();
    }

    @Test
    void eachPeriodBecomesASnapshotWithPlannedEarnedAndActualValue() {
        List<Snapshot> snapshots = small().snapshots();

        Snapshot first = snapshots.get(0);
        assertThat(first.asOf()).isEqualTo(LocalDate.of(2025, 1, 9));
        // 24 working hours in: all of Design (1 800) and 8 hours of Build (800)
        assertThat(first.progress().plannedValue()).isEqualTo(2600);
        // Design done (1 800) and Build a quarter done (600)
        assertThat(first.progress().earnedValue()).isEqualTo(2400);
        // Design: 1 000 + 16 x 50 + 100 deviation; Build: 8 x 100
        assertThat(first.progress().actualCost()).isEqualTo(2700);
        assertThat(first.phase()).isEqualTo(Phase.EXECUTION);
        Snapshot.Task build = first.tasks().get(1);
        assertThat(build.baselineStart()).isEqualTo(LocalDate.of(2025, 1, 9));
        assertThat(build.baselineFinish()).isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(build.percentComplete()).isEqualTo(25);
        assertThat(build.predecessors()).containsExactly(new Snapshot.Predecessor("1", RelationType.FS, 0));
        assertThat(first.tasks().get(2).predecessors()).containsExactly(new Snapshot.Predecessor("2", RelationType.FS, 1));
        assertThat(first.milestones()).singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("Handover"));
        assertThat(first.baseline().budget()).isEqualTo(4400);
        assertThat(first.baseline().plannedValueCurve().get(first.baseline().plannedValueCurve().size() - 1).pv())
                .isEqualTo(4400);
    }

    @Test
    void twoPeriodsInOneIsoWeekKeepTheLaterWithANote() {
        ProTrackProject p = small();
        List<Snapshot> snapshots = p.snapshots();

        assertThat(snapshots).extracting(Snapshot::asOf)
                .containsExactly(LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 15));
        Snapshot last = snapshots.get(1);
        assertThat(last.progress().earnedValue()).isEqualTo(4400);
        assertThat(last.progress().actualCost()).isEqualTo(1900 + 3200 + 200);
        assertThat(last.phase()).isEqualTo(Phase.CLOSING);
        assertThat(last.tasks().get(1).finish()).isEqualTo(LocalDate.of(2025, 1, 14));
        assertThat(p.notes()).singleElement().satisfies(n -> assertThat(n).contains("2025-01-14").contains("later one is kept"));
    }

    @Test
    void theSnapshotsPassTheSnapshotContractAndGiveTheEarnedSchedule() {
        for (Snapshot s : small().snapshots()) {
            Snapshot checked = new SnapshotReader().read(PulseJson.mapper().valueToTree(s));
            assertThat(checked).isEqualTo(s);
        }
        var first = EarnedValue.of(small().snapshots().get(0));
        assertThat(first.plannedDurationDays()).isEqualTo(8);
        assertThat(first.actualTimeDays()).isEqualTo(3);
        assertThat(first.esDays()).isLessThan(first.actualTimeDays());
    }

    @Test
    void projectIdsComeFromTheFileName() {
        assertThat(ProTrackProject.idFromFileName("C2011-10 Building a House.p2x")).isEqualTo("C2011-10");
        assertThat(ProTrackProject.idFromFileName("tower.p2x")).isEqualTo("TOWER");
        assertThat(ProTrackProject.idFromFileName("(2).p2x")).isEqualTo("2");
    }

    @Test
    void filesThatAreNotProTrackProjectsAreRefusedWithTheReason() {
        ProTrackReader reader = new ProTrackReader();

        assertThatThrownBy(() -> reader.read("<Project><NAME>x".getBytes(StandardCharsets.UTF_8), "cut.p2x"))
                .isInstanceOf(ProTrackException.class).hasMessageContaining("cut.p2x").hasMessageContaining("XML");
        assertThatThrownBy(() -> reader.read("<Schedule/>".getBytes(StandardCharsets.UTF_8), "other.p2x"))
                .hasMessageContaining("root element is <Schedule>");
        assertThatThrownBy(() -> reader.read("<Project><NAME>x</NAME></Project>".getBytes(StandardCharsets.UTF_8), "a.p2x"))
                .hasMessageContaining("Agenda");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Project><NAME>&e;</NAME></Project>";
        assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8), "xxe.p2x"))
                .isInstanceOf(ProTrackException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void aNumberThatDoesNotParseIsNamedByItsElement() {
        String broken = SmallProTrackFile.XML.replace("<FixedBaselineCost>1000</FixedBaselineCost>",
                "<FixedBaselineCost>a lot</FixedBaselineCost>");

        assertThatThrownBy(() -> new ProTrackReader().read(broken.getBytes(StandardCharsets.UTF_8), "b.p2x"))
                .isInstanceOf(ProTrackException.class).hasMessageContaining("<FixedBaselineCost> 'a lot'");
    }

    private static ProTrackException refusal(String from, String to) {
        String broken = SmallProTrackFile.XML.replace(from, to);
        assertThat(broken).isNotEqualTo(SmallProTrackFile.XML);
        try {
            new ProTrackReader().read(broken.getBytes(StandardCharsets.UTF_8), "bad.p2x");
        } catch (ProTrackException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void statusDatesOutOfOrderAreRefusedNamingFilePeriodAndField() {
        ProTrackException e = refusal("<EndDate>140120251700</EndDate>", "<EndDate>080120251700</EndDate>");

        assertThat(e.file()).isEqualTo("bad.p2x");
        assertThat(e.getMessage()).contains("bad.p2x").contains("period P2").contains("<EndDate>")
                .contains("not after").contains("P1");
    }

    @Test
    void anActivityMoreThanDoneWouldPutEarnedValueAboveTheBudgetAndIsRefused() {
        ProTrackException e = refusal("<RemainingDuration>24</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>0.25</PercentageComplete>",
                "<RemainingDuration>24</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1.25</PercentageComplete>");

        assertThat(e.getMessage()).contains("period P1").contains("activity 2").contains("<PercentageComplete> 1.25")
                .contains("above the budget");
    }

    @Test
    void anActivityFinishingBeforeItStartedIsRefused() {
        ProTrackException e = refusal("<ActualDuration>8</ActualDuration>", "<ActualDuration>-8</ActualDuration>");

        assertThat(e.getMessage()).contains("period P1").contains("activity 2").contains("<ActualDuration> -8")
                .contains("finish before it started");
    }

    @Test
    void anActivityStartedAfterTheStatusDateOrTrackedWithoutBaselineIsRefused() {
        assertThat(refusal("<Activity>2</Activity><TProTrackActivityTracking-1><ActualStart>090120250800</ActualStart><ActualDuration>8</ActualDuration>",
                "<Activity>2</Activity><TProTrackActivityTracking-1><ActualStart>200120250800</ActualStart><ActualDuration>8</ActualDuration>")
                .getMessage()).contains("period P1").contains("<ActualStart>").contains("after the period's status date");
        assertThat(refusal("<Activity>3</Activity><TProTrackActivityTracking-1><ActualStart>0</ActualStart>",
                "<Activity>9</Activity><TProTrackActivityTracking-1><ActualStart>0</ActualStart>").getMessage())
                .contains("activity 9").contains("not in the baseline");
    }
}
