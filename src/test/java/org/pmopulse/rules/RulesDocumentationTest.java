package org.pmopulse.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/README.md is the coaches' catalogue: it must list every rule of the folder, and every mitigation must answer a rule. */
class RulesDocumentationTest {
    private final RuleSet rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));

    @Test
    void theReadmeListsEveryRuleWithItsTitle() throws IOException {
        String readme = Files.readString(Path.of("rules/README.md"));

        assertThat(rules.catalogue()).allSatisfy(rule ->
                assertThat(readme).contains("| " + rule.id() + " | " + rule.title() + " |"));
    }

    @Test
    void everyRuleIsAnsweredByThePlaybookAndThePlaybookAnswersOnlyRealRules() {
        assertThat(rules.catalogue()).allSatisfy(rule ->
                assertThat(rules.playbook().answering(rule.id())).as(rule.id()).isNotEmpty());
        assertThat(rules.playbook().answered()).allSatisfy(id ->
                assertThat(id.equals(Playbook.FORECAST) || rules.rule(id).isPresent()).as(id).isTrue());
    }
}
