package org.pmopulse.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmopulse.coach.scenario.Scenario;
import org.pmopulse.coach.scenario.ScenarioFiles;
import org.pmopulse.coach.scenario.ScenarioRunner;
import org.pmopulse.system.PulseJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue as a whole: enough rules, all 14 DCMA checks, a firing and a near-miss scenario for every rule,
 * a playbook entry for every rule, no unused thresholds, a documented rule for every id. (Duplicate ids, unknown
 * threshold keys and files that do not compile reject the whole set: see RuleSetBuilderTest.)
 */
class RuleCatalogueTest {
    private static RuleSet rules;
    private static ScenarioFiles scenarios;

    @BeforeAll
    static void load() {
        rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
        scenarios = ScenarioFiles.read(Path.of("rules/scenarios"));
    }

    @Test
    void atLeastSixtyRulesIncludingAllFourteenDcmaChecks() {
        assertThat(rules.catalogue()).hasSizeGreaterThanOrEqualTo(60);
        Set<String> ids = rules.catalogue().stream().map(RuleInfo::id).collect(Collectors.toSet());
        IntStream.rangeClosed(1, 14).forEach(n -> assertThat(ids).contains(String.format("DCMA-%02d", n)));
        assertThat(rules.catalogue().stream().map(RuleInfo::kind).distinct())
                .containsExactlyInAnyOrder(FindingKind.COMPLIANCE, FindingKind.EARLY_WARNING, FindingKind.SCHEDULE_QUALITY,
                        FindingKind.PORTFOLIO);
    }

    @Test
    void everyRuleHasAFiringAndANearMissScenario() {
        for (RuleInfo rule : rules.catalogue()) {
            List<Scenario> mine = scenarios.scenarios().stream().filter(s -> s.isAbout(rule.id())).toList();
            assertThat(mine).as(rule.id() + " needs a scenario where it fires").anyMatch(Scenario::fires);
            assertThat(mine).as(rule.id() + " needs a near-miss scenario").anyMatch(s -> !s.fires());
        }
    }

    @Test
    void everyScenarioIsAboutARuleThatExistsOrAboutScoring() {
        assertThat(scenarios.scenarios()).allSatisfy(s -> {
            if (!s.isScoring()) {
                assertThat(rules.rule(s.rule())).as(s.file() + ": " + s.title()).isPresent();
            }
        });
        assertThat(scenarios.scenarios()).anyMatch(Scenario::isScoring);
    }

    @Test
    void theBaseSnapshotOfTheScenariosTripsNoRule() {
        Scenario asIs = new Scenario(ScenarioFiles.BASE, "base", "MC-GOV-001", false, null,
                PulseJson.mapper().createObjectNode(), List.of(), List.of(), List.of(), null, null, null);

        assertThat(new ScenarioRunner(rules).findings(scenarios.base(), asIs)).isEmpty();
    }

    @Test
    void everyRuleIsAnsweredByThePlaybookAndThePlaybookAnswersOnlyRealRules() {
        assertThat(rules.catalogue()).allSatisfy(rule ->
                assertThat(rules.playbook().answering(rule.id())).as(rule.id()).isNotEmpty());
        assertThat(rules.playbook().answered()).allSatisfy(id ->
                assertThat(id.equals(Playbook.FORECAST) || rules.rule(id).isPresent()).as(id).isTrue());
    }

    @Test
    void everyThresholdIsReadByARuleOrByTheScoring() {
        Set<String> read = rules.catalogue().stream().flatMap(r -> r.thresholds().stream()).collect(Collectors.toSet());

        assertThat(rules.thresholds().keys()).allSatisfy(key -> assertThat(
                read.contains(key) || key.startsWith("scoring.") || key.startsWith("advice."))
                .as("threshold " + key + " is read by no rule").isTrue());
    }

    @Test
    void everyRuleSaysWhatItProtectsAgainst() {
        assertThat(rules.catalogue()).allSatisfy(rule ->
                assertThat(rule.protects()).as(rule.id()).startsWith("Protects against"));
    }

    @Test
    void theReadmeListsEveryRuleAsTheRuleFilesDescribeIt() throws IOException {
        String readme = Files.readString(Path.of("rules/README.md"));

        assertThat(rules.catalogue()).allSatisfy(rule ->
                assertThat(readme).contains("| " + rule.id() + " | " + rule.title() + " | " + rule.protects() + " |"));
    }

    @Test
    void atMostTenRulesAFile() {
        assertThat(rules.catalogue().stream().collect(Collectors.groupingBy(RuleInfo::file, Collectors.counting())))
                .allSatisfy((file, count) -> assertThat(count).as(file).isLessThanOrEqualTo(10));
    }
}
