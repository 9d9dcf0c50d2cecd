package org.pmopulse.assessment;

import org.junit.jupiter.api.Test;
import org.pmopulse.rules.Dimension;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.FindingKind;
import org.pmopulse.rules.Thresholds;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring with the shipped thresholds: penalties LOW 5, MEDIUM 15, HIGH 30; bands green 80, amber 60. */
class ScorerTest {
    private static final Thresholds T = thresholds();

    private static Thresholds thresholds() {
        try {
            return Thresholds.parse(Files.readString(Path.of("rules/thresholds.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Finding finding(String rule, Dimension dimension, Severity severity) {
        return new Finding(rule, "t", FindingKind.EARLY_WARNING, dimension, severity, "b", Map.of(), "f.drl");
    }

    @Test
    void noFindingsIsAPerfectGreen() {
        Health h = Scorer.score(List.of(), T);

        assertThat(h.score()).isEqualTo(100);
        assertThat(h.rag()).isEqualTo(Rag.GREEN);
        assertThat(h.dimensions()).containsOnlyKeys("schedule", "cost", "scope", "risk", "resources", "governance", "stakeholders");
    }

    @Test
    void portfolioFindingsAreNotScored() {
        Finding shared = new Finding("PF-RES-001", "t", FindingKind.PORTFOLIO, Dimension.RESOURCES, Severity.HIGH, "b",
                Map.of(), "portfolio/people.drl");

        Health h = Scorer.score(List.of(shared), T);

        assertThat(h.score()).isEqualTo(100);
        assertThat(h.dimensions().get("resources").findings()).isZero();
    }

    @Test
    void eachRuleCountsOnceAtItsWorstSeverity() {
        // two instances of one rule (MEDIUM and HIGH) cost 30, not 45; a second rule adds its own 15
        Health h = Scorer.score(List.of(
                finding("EW-RSK-001", Dimension.RISK, Severity.MEDIUM),
                finding("EW-RSK-001", Dimension.RISK, Severity.HIGH),
                finding("EW-RSK-002", Dimension.RISK, Severity.MEDIUM)), T);

        assertThat(h.dimensions().get("risk")).isEqualTo(new DimensionScore(55, Rag.RED, 3));  // 100 - 30 - 15
        // overall: (0.25+0.2+0.1+0.1+0.1+0.1) x 100 + 0.15 x 55 = 93.25 -> 93, but a RED dimension caps it at AMBER
        assertThat(h.score()).isEqualTo(93);
        assertThat(h.rag()).isEqualTo(Rag.AMBER);
    }

    @Test
    void twoRedDimensionsMakeTheProjectRed() {
        Health h = Scorer.score(List.of(
                finding("A-001", Dimension.SCHEDULE, Severity.HIGH), finding("A-002", Dimension.SCHEDULE, Severity.HIGH),
                finding("B-001", Dimension.COST, Severity.HIGH), finding("B-002", Dimension.COST, Severity.MEDIUM)), T);

        assertThat(h.dimensions().get("schedule").rag()).isEqualTo(Rag.RED);  // 40
        assertThat(h.dimensions().get("cost").rag()).isEqualTo(Rag.RED);      // 55
        // 0.25 x 40 + 0.2 x 55 + 0.55 x 100 = 76 would be AMBER by its band
        assertThat(h.score()).isEqualTo(76);
        assertThat(h.rag()).isEqualTo(Rag.RED);
    }

    @Test
    void changeIsAgainstThePreviousWeek() {
        Health h = Scorer.score(List.of(finding("A-001", Dimension.SCHEDULE, Severity.MEDIUM)), T).withPrevious(99);

        assertThat(h.score()).isEqualTo(96);   // 100 - 0.25 x 15 = 96.25
        assertThat(h.change()).isEqualTo(-3);
        assertThat(Scorer.score(List.of(), T).withPrevious(null).change()).isNull();
    }
}
