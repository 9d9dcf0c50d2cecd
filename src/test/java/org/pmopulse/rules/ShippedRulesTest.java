package org.pmopulse.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.metrics.EarnedValue;
import org.pmopulse.snapshot.Severity;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmopulse.snapshot.TestSnapshots.load;
import static org.pmopulse.snapshot.TestSnapshots.with;

/**
 * The shipped rules on a full snapshot: the shape of what they report. Each rule's firing and near miss are in
 * rules/scenarios (RuleScenariosTest).
 */
class ShippedRulesTest {
    private static RuleSet rules;
    private final SnapshotReader reader = new SnapshotReader();

    @BeforeAll
    static void build() {
        rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
    }

    private List<Finding> findings(ObjectNode json, Snapshot... earlier) {
        Snapshot s = reader.read(json);
        List<FactBuilder.Week> history = new ArrayList<>();
        for (Snapshot e : earlier) {
            history.add(new FactBuilder.Week(e, EarnedValue.of(e)));
        }
        return rules.evaluate(FactBuilder.facts(s, EarnedValue.of(s), history, List.of()));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    @Test
    void findingsNameTheirRuleSourceAndNumbers() {
        List<Finding> findings = findings(load("full"));

        Finding cpi = findings.stream().filter(f -> f.ruleId().equals("EW-CST-001")).findFirst().orElseThrow();
        // CPI = 745 000 / 900 000 = 0.828, below the red band 0.85
        assertThat(cpi.severity()).isEqualTo(Severity.HIGH);
        assertThat(cpi.because()).isEqualTo("CPI is 0.83, below the red band of 0.85");
        assertThat(cpi.evidence()).containsEntry("cpi", 0.828).containsEntry("threshold", 0.85);
        assertThat(cpi.source()).isEqualTo("earlywarning/cost.drl");
        assertThat(cpi.dimension()).isEqualTo(Dimension.COST);
        assertThat(cpi.kind()).isEqualTo(FindingKind.EARLY_WARNING);
        assertThat(cpi.title()).isEqualTo("CPI below band");
    }

    @Test
    void flagsTheGapsInTheFullTestSnapshot() {
        assertThat(ids(findings(load("full")))).contains(
                "EW-SCH-001",   // SPI 745/1050 = 0.71
                "EW-SCH-002",   // SPI(t) well below 0.85
                "EW-SCH-004",   // M3 forecast 47 days late
                "EW-SCH-005",   // M3 baseline 2026-10-15 passed, not done
                "EW-CST-001", "EW-CST-002",
                "EW-RSK-001",   // R4 exposure 2.4 with no owner and no mitigation
                "EW-RSK-002",   // R4 last reviewed 80 days ago, cadence 14
                "EW-RES-001",   // a.lee 80 + 40 = 120 %
                "MC-GOV-002",   // status report 31 days old
                "MC-GOV-004",   // D7 has no owner
                "EW-WML-001");  // PM says GREEN
    }

    @Test
    void amberBandIsMediumAndRedBandIsHigh() {
        // PV 1 000 000, EV 920 000: SPI 0.92 is below amber 0.95 but above red 0.85
        ObjectNode json = with(with(load("full"), "progress.plannedValue", 1_000_000), "progress.earnedValue", 920_000);
        Finding amber = findings(json).stream().filter(f -> f.ruleId().equals("EW-SCH-001")).findFirst().orElseThrow();

        assertThat(amber.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(amber.because()).contains("0.92").contains("amber");
    }

    @Test
    void spiTBelowBandThreeWeeksRunningNeedsEveryWeek() {
        ObjectNode now = load("full");
        Snapshot weekBefore = reader.read(with(load("full"), "asOf", "2026-11-13"));
        Snapshot twoBefore = reader.read(with(load("full"), "asOf", "2026-11-06"));
        Snapshot goodTwoBefore = reader.read(with(with(load("full"), "asOf", "2026-11-06"),
                "progress.earnedValue", 1_000_000));

        assertThat(ids(findings(now, weekBefore, twoBefore))).contains("EW-SCH-003");
        assertThat(ids(findings(now, weekBefore, goodTwoBefore))).doesNotContain("EW-SCH-003");
        assertThat(ids(findings(now, weekBefore))).doesNotContain("EW-SCH-003");
    }

    @Test
    void trendFindingCarriesTheSeriesOldestFirst() {
        Snapshot weekBefore = reader.read(with(load("full"), "asOf", "2026-11-13"));
        Snapshot twoBefore = reader.read(with(with(load("full"), "asOf", "2026-11-06"), "progress.earnedValue", 760_000));

        Finding trend = findings(load("full"), weekBefore, twoBefore).stream()
                .filter(f -> f.ruleId().equals("EW-SCH-003")).findFirst().orElseThrow();

        @SuppressWarnings("unchecked")
        List<Double> series = (List<Double>) trend.evidence().get("spiT");
        assertThat(series).hasSize(3);
        assertThat(series.get(2)).isEqualTo(EarnedValue.of(reader.read(load("full"))).spiT());
    }

    @Test
    void governanceRulesFollowMethodologyAndPhase() {
        ObjectNode noBaseline = with(load("full"), "baseline.approvedOn", null);
        ObjectNode agile = with(with(load("full"), "baseline.approvedOn", null), "methodology", "AGILE");
        ObjectNode noCharter = with(load("full"), "governance.charterApprovedOn", null);
        ObjectNode noCharterYet = with(with(load("full"), "governance.charterApprovedOn", null), "phase", "INITIATION");

        assertThat(ids(findings(noBaseline))).contains("MC-WF-001");
        assertThat(ids(findings(agile))).doesNotContain("MC-WF-001");
        assertThat(ids(findings(noCharter))).contains("MC-GOV-001");
        assertThat(ids(findings(noCharterYet))).doesNotContain("MC-GOV-001");
    }

    @Test
    void riskReviewUsesTheProjectsCadenceElseTheDefault() {
        ObjectNode reviewedTenDaysAgo = with(load("full"), "risks.0.lastReviewed", LocalDate.of(2026, 11, 10).toString());
        ObjectNode noCadence = with(with(load("full"), "risks.0.lastReviewed", "2026-10-31"), "governance.riskReviewCadenceDays", null);

        assertThat(ids(findings(reviewedTenDaysAgo))).doesNotContain("EW-RSK-002");  // 10 <= 14
        assertThat(ids(findings(noCadence))).doesNotContain("EW-RSK-002");           // 20 <= default 30
        assertThat(ids(findings(with(noCadence, "risks.0.lastReviewed", "2026-10-01")))).contains("EW-RSK-002"); // 50 > 30
    }
}
