package org.pmopulse.coach;

import org.junit.jupiter.api.Test;
import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleMessage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.pmopulse.support.ExpectedErrors;

import static org.assertj.core.api.Assertions.assertThat;

@ExpectedErrors({"org.drools.compiler.kie.builder.impl.KieProject"})
class CandidateValidatorTest {
    private static final RuleFolder SHIPPED = RuleFolder.read(Path.of("rules"));
    private final CandidateValidator validator = new CandidateValidator(Clock.systemUTC());

    private ValidationReport validate(Map<String, String> candidate) {
        return validator.validate(SHIPPED.with(candidate));
    }

    @Test
    void theShippedFolderIsValid() {
        ValidationReport report = validator.validate(SHIPPED);

        assertThat(report.valid()).as(report.errors().toString()).isTrue();
        assertThat(report.rules()).isEqualTo(76);
        assertThat(report.scenarios()).isGreaterThanOrEqualTo(140);
    }

    @Test
    void aCompileErrorIsReportedWithFileAndLine() {
        String cost = SHIPPED.files().get("earlywarning/cost.drl");

        ValidationReport report = validate(Map.of("earlywarning/cost.drl", cost.replace("$cpi : cpi,", "$cpi : cpi,,")));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("earlywarning/cost.drl");
            assertThat(e.line()).isPositive();
        });
    }

    @Test
    void aNewRuleWithoutScenariosIsRefusedAtItsLine() {
        String drl = SHIPPED.files().get("earlywarning/cost.drl") + """

                // Protects against a budget with nothing left.
                rule "EW-CST-004 Budget spent"
                    @kind(EARLY_WARNING) @dimension(cost) @severity(HIGH)
                when
                    Indicators($ac : ac, $ac != null, $bac : bac, $bac != null, $ac >= $bac)
                then
                    insert(finding(drools, "All of the budget is spent"));
                end
                """;

        ValidationReport report = validate(Map.of("earlywarning/cost.drl", drl));

        assertThat(report.errors()).extracting(RuleMessage::message)
                .contains("EW-CST-004 has no scenario where it fires", "EW-CST-004 has no near-miss scenario");
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.line()).isGreaterThan(40));
    }

    @Test
    void aTightenedThresholdThatBreaksANearMissIsReported() {
        String thresholds = SHIPPED.files().get("thresholds.yaml").replace("amber: 0.95                     # SPI below",
                "amber: 0.97                     # SPI below");

        ValidationReport report = validate(Map.of("thresholds.yaml", thresholds));

        assertThat(report.valid()).isFalse();
        assertThat(report.scenariosFailed()).isPositive();
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("scenarios/earlywarning/schedule.yaml");
            assertThat(e.message()).contains("EW-SCH-001 near miss");
        });
    }

    @Test
    void removingAFileIsAChangeToo() {
        Map<String, String> candidate = new HashMap<>();
        candidate.put("advice/playbook.yaml", null);

        ValidationReport report = validate(candidate);

        assertThat(report.errors()).anySatisfy(e -> assertThat(e.file()).isEqualTo("advice/playbook.yaml"));
    }
}
