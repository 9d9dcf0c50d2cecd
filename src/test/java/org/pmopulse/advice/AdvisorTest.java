package org.pmopulse.advice;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.rules.Dimension;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.FindingKind;
import org.pmopulse.rules.Playbook;
import org.pmopulse.rules.Thresholds;
import org.pmopulse.snapshot.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking with the shipped playbook and thresholds (the worked example of rules/README.md). */
class AdvisorTest {
    private static Thresholds thresholds;
    private static Playbook playbook;

    @BeforeAll
    static void load() throws IOException {
        thresholds = Thresholds.parse(Files.readString(Path.of("rules/thresholds.yaml")));
        playbook = Playbook.parse(Files.readString(Path.of("rules/advice/playbook.yaml")));
    }

    private static Finding finding(String rule, Dimension dimension, Severity severity) {
        return new Finding(rule, "t", FindingKind.EARLY_WARNING, dimension, severity, "b", Map.of(), "f.drl");
    }

    @Test
    void ranksByPriorityAndMergesAMitigationThatAnswersSeveralFindings() {
        List<Recommendation> ranked = Advisor.recommend(List.of(
                finding("EW-SCH-001", Dimension.SCHEDULE, Severity.MEDIUM),
                finding("EW-SCH-002", Dimension.SCHEDULE, Severity.HIGH),
                finding("EW-CST-001", Dimension.COST, Severity.HIGH),
                finding("MC-GOV-004", Dimension.GOVERNANCE, Severity.MEDIUM),
                finding("MC-GOV-004", Dimension.GOVERNANCE, Severity.MEDIUM)), null, playbook, thresholds);

        assertThat(ranked).extracting(Recommendation::id)
                .containsExactly("REC-RECOVERY-PLAN", "REC-COST-REVIEW", "REC-ASSIGN-OWNERS");
        assertThat(ranked).extracting(Recommendation::rank).containsExactly(1, 2, 3);
        Recommendation recovery = ranked.get(0);
        // weights: MEDIUM schedule 0.5 x 0.25/0.25 = 0.5, HIGH schedule 0.75; combined 1 - 0.5 x 0.25 = 0.875; x THIS_WEEK 0.9
        assertThat(recovery.priority()).isEqualTo(0.788);
        assertThat(recovery.addresses()).containsExactly("EW-SCH-001", "EW-SCH-002");
        // HIGH cost: 0.75 x 0.2/0.25 = 0.6; x THIS_MONTH 0.7 = 0.42
        assertThat(ranked.get(1).priority()).isEqualTo(0.42);
        // two MEDIUM governance findings of one rule: 1 - (1 - 0.2)^2 = 0.36; x 0.9 = 0.324
        assertThat(ranked.get(2).priority()).isEqualTo(0.324);
        assertThat(ranked.get(2).addresses()).containsExactly("MC-GOV-004");
    }

    @Test
    void aForecastSlipRaisesTheMitigationsThatAnswerIt() {
        List<Finding> findings = List.of(finding("EW-CST-001", Dimension.COST, Severity.HIGH));

        List<Recommendation> withoutSlip = Advisor.recommend(findings, null, playbook, thresholds);
        List<Recommendation> withSlip = Advisor.recommend(findings, 25.0, playbook, thresholds);

        assertThat(withoutSlip).extracting(Recommendation::id).containsExactly("REC-COST-REVIEW");
        assertThat(withSlip.get(0).id()).isEqualTo("REC-RECOVERY-PLAN");  // slip 25 % counts fully: 1.0 x 0.9
        assertThat(withSlip.get(0).priority()).isEqualTo(0.9);
        assertThat(withSlip.get(0).addresses()).containsExactly("forecast");
    }

    @Test
    void noFindingsNoRecommendations() {
        assertThat(Advisor.recommend(List.of(), null, playbook, thresholds)).isEmpty();
    }
}
