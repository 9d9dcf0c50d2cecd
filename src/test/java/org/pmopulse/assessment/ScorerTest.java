package org.pmopulse.assessment;

import org.junit.jupiter.api.Test;
import org.pmopulse.rules.Dimension;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.FindingKind;
import org.pmopulse.rules.Thresholds;
import org.pmopulse.rules.fact.DataCoverage;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring with the shipped thresholds: penalties LOW 5, MEDIUM 15, HIGH 30; bands green 80, amber 60, margin 5;
 * weights schedule 0.25, cost 0.2, risk 0.15, the other four 0.1.
 */
class ScorerTest {
    private static final Thresholds T = thresholds();
    private static final List<DataCoverage> ALL_DATA = coverage(Set.of(), Set.of());

    private static Thresholds thresholds() {
        try {
            return Thresholds.parse(Files.readString(Path.of("rules/thresholds.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every dimension with its data, except those {@code without}; {@code required} marks what the project needs. */
    private static List<DataCoverage> coverage(Set<Dimension> without, Set<Dimension> required) {
        return Arrays.stream(Dimension.values()).map(d -> without.contains(d)
                ? new DataCoverage(d.key(), false, required.contains(d), 0, List.of(), List.of("input"), List.of())
                : new DataCoverage(d.key(), true, required.contains(d), 1, List.of("input"), List.of(), List.of())).toList();
    }

    private static Finding finding(String rule, Dimension dimension, Severity severity) {
        return finding(rule, dimension, severity, Map.of());
    }

    private static Finding finding(String rule, Dimension dimension, Severity severity, Map<String, Object> evidence) {
        return new Finding(rule, "t", FindingKind.EARLY_WARNING, dimension, severity, "b", evidence, "f.drl");
    }

    private static Health score(List<Finding> findings) {
        return Scorer.score("P", findings, ALL_DATA, T, null);
    }

    @Test
    void noFindingsWithAllTheDataIsAPerfectGreen() {
        Health h = score(List.of());

        assertThat(h.score()).isEqualTo(100);
        assertThat(h.rag()).isEqualTo(Rag.GREEN);
        assertThat(h.completeness()).isEqualTo(1.0);
        assertThat(h.dimensions()).containsOnlyKeys("schedule", "cost", "scope", "risk", "resources", "governance", "stakeholders");
    }

    @Test
    void aDimensionWithoutDataIsNoDataAndLeftOutOfTheOverallScore() {
        // cost and risk not sent; a MEDIUM schedule finding: (0.25 x 85 + 0.4 x 100) / 0.65 = 94.2
        Health h = Scorer.score("P", List.of(finding("A-001", Dimension.SCHEDULE, Severity.MEDIUM)),
                coverage(Set.of(Dimension.COST, Dimension.RISK), Set.of()), T, null);

        assertThat(h.dimensions().get("cost")).isEqualTo(new DimensionScore(null, Rag.NO_DATA, 0, 0, List.of("input"), List.of()));
        assertThat(h.score()).isEqualTo(94);
        assertThat(h.rag()).isEqualTo(Rag.GREEN);
        assertThat(h.completeness()).isEqualTo(0.65);   // the weights of the dimensions with data
        assertThat(h.missing()).containsExactly("cost.input", "risk.input");
    }

    @Test
    void aRequiredDimensionWithoutDataKeepsTheProjectFromGreen() {
        Health h = Scorer.score("P", List.of(), coverage(Set.of(Dimension.COST), Set.of(Dimension.COST)), T, null);

        assertThat(h.score()).isEqualTo(100);
        assertThat(h.rag()).isEqualTo(Rag.AMBER);
        assertThat(h.limitedBy()).singleElement().asString().startsWith("no cost data (input)");
    }

    @Test
    void aFindingScoresItsDimensionEvenWithoutItsData() {
        // the absence of an artefact is itself what the finding says
        Health h = Scorer.score("P", List.of(finding("MC-GOV-001", Dimension.GOVERNANCE, Severity.HIGH)),
                coverage(Set.of(Dimension.values()), Set.of()), T, null);

        assertThat(h.dimensions().get("governance").score()).isEqualTo(70);
        assertThat(h.dimensions().get("schedule").rag()).isEqualTo(Rag.NO_DATA);
        assertThat(h.score()).isEqualTo(70);
    }

    @Test
    void nothingToScoreIsNoDataOverall() {
        Health h = Scorer.score("P", List.of(), coverage(Set.of(Dimension.values()), Set.of()), T, null);

        assertThat(h.score()).isNull();
        assertThat(h.rag()).isEqualTo(Rag.NO_DATA);
        assertThat(h.completeness()).isZero();
    }

    @Test
    void eachRuleCountsOnceAtItsWorstSeverity() {
        // two instances of one rule (MEDIUM and HIGH) cost 30, not 45; a second rule adds its own 15
        Health h = score(List.of(
                finding("EW-RSK-001", Dimension.RISK, Severity.MEDIUM),
                finding("EW-RSK-001", Dimension.RISK, Severity.HIGH),
                finding("EW-RSK-002", Dimension.RISK, Severity.MEDIUM)));

        assertThat(h.dimensions().get("risk").score()).isEqualTo(55);   // 100 - 30 - 15
        assertThat(h.dimensions().get("risk").findings()).isEqualTo(3);
        // overall: 0.85 x 100 + 0.15 x 55 = 93.25 -> 93, but a RED dimension caps it at AMBER
        assertThat(h.score()).isEqualTo(93);
        assertThat(h.rag()).isEqualTo(Rag.AMBER);
        assertThat(h.limitedBy()).containsExactly("a RED dimension");
    }

    @Test
    void rulesSeeingTheSameDependencyCountOnceAtTheWorst() {
        Map<String, Object> erpApi = Map.of("onProject", "ERP-2026", "deliverable", "Finance API");
        Health h = score(List.of(
                finding("EW-DEP-001", Dimension.SCHEDULE, Severity.MEDIUM, erpApi),
                finding("EW-DEP-002", Dimension.SCHEDULE, Severity.HIGH, erpApi),
                finding("EW-DEP-003", Dimension.RISK, Severity.MEDIUM, Map.of("onProject", "erp-2026 ", "deliverable", "finance api"))));

        assertThat(h.dimensions().get("schedule").score()).isEqualTo(70); // one HIGH penalty, not 15 + 30
        assertThat(h.dimensions().get("risk").score()).isEqualTo(100);    // counted with the schedule finding
        assertThat(h.dimensions().get("risk").findings()).isEqualTo(1);   // though still listed
    }

    @Test
    void portfolioFindingsScoreInTheirDimensionLikeAnyOther() {
        Finding overAllocated = new Finding("PF-RES-001", "t", FindingKind.PORTFOLIO, Dimension.RESOURCES, Severity.HIGH,
                "b", Map.of(), "portfolio/people.drl");

        assertThat(score(List.of(overAllocated)).dimensions().get("resources").score()).isEqualTo(70);
    }

    @Test
    void twoRedDimensionsMakeTheProjectRed() {
        Health h = score(List.of(
                finding("A-001", Dimension.SCHEDULE, Severity.HIGH), finding("A-002", Dimension.SCHEDULE, Severity.HIGH),
                finding("B-001", Dimension.COST, Severity.HIGH), finding("B-002", Dimension.COST, Severity.MEDIUM)));

        assertThat(h.dimensions().get("schedule").rag()).isEqualTo(Rag.RED);  // 40
        assertThat(h.dimensions().get("cost").rag()).isEqualTo(Rag.RED);      // 55
        // 0.25 x 40 + 0.2 x 55 + 0.55 x 100 = 76 would be AMBER by its band
        assertThat(h.score()).isEqualTo(76);
        assertThat(h.rag()).isEqualTo(Rag.RED);
    }

    @Test
    void turningBackToABetterColourNeedsTheMarginButGettingWorseShowsAtOnce() {
        // HIGH schedule, HIGH cost, MEDIUM risk: 100 - 7.5 - 6 - 2.25 = 84.25 -> 84, inside green 80 but under 80 + 5
        List<Finding> findings = List.of(finding("A-001", Dimension.SCHEDULE, Severity.HIGH),
                finding("B-001", Dimension.COST, Severity.HIGH), finding("C-001", Dimension.RISK, Severity.MEDIUM));

        Health fromAmber = Scorer.score("P", findings, ALL_DATA, T, new Health.Previous(75, Rag.AMBER));
        Health fromGreen = Scorer.score("P", findings, ALL_DATA, T, new Health.Previous(90, Rag.GREEN));
        Health fromRed = Scorer.score("P", findings, ALL_DATA, T, new Health.Previous(50, Rag.RED));

        assertThat(fromAmber.score()).isEqualTo(84);
        assertThat(fromAmber.rag()).isEqualTo(Rag.AMBER);
        assertThat(fromAmber.limitedBy()).singleElement().asString().contains("turns GREEN at 85");
        assertThat(fromGreen.rag()).isEqualTo(Rag.GREEN);
        assertThat(fromRed.rag()).isEqualTo(Rag.AMBER);                       // AMBER is cleared by far (65)
        // 100 - 7.5 - 6 - 4.5 - 3 = 79: one point under green turns a GREEN project AMBER at once
        List<Finding> worse = List.of(finding("A-001", Dimension.SCHEDULE, Severity.HIGH),
                finding("B-001", Dimension.COST, Severity.HIGH), finding("C-001", Dimension.RISK, Severity.HIGH),
                finding("D-001", Dimension.SCOPE, Severity.HIGH));
        assertThat(Scorer.score("P", worse, ALL_DATA, T, new Health.Previous(90, Rag.GREEN)).rag()).isEqualTo(Rag.AMBER);
    }

    @Test
    void changeIsAgainstThePreviousWeek() {
        Health h = score(List.of(finding("A-001", Dimension.SCHEDULE, Severity.MEDIUM))).withPrevious(99);

        assertThat(h.score()).isEqualTo(96);   // 100 - 0.25 x 15 = 96.25
        assertThat(h.change()).isEqualTo(-3);
        assertThat(score(List.of()).withPrevious(null).change()).isNull();
    }
}
