package org.pmopulse.coach.scenario;

import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSources;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario in rules/scenarios/ as a named test: "EW-SCH-001 fires: SPI 0.94, below the amber band 0.95". */
class RuleScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        RuleSet rules = new RuleSetBuilder(Clock.systemUTC()).build(RuleSources.read(Path.of("rules")));
        ScenarioFiles files = ScenarioFiles.read(Path.of("rules/scenarios"));
        ScenarioRunner runner = new ScenarioRunner(rules);
        return files.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.title() + " [" + scenario.file() + "]", () -> {
                    ScenarioRunner.Result result = runner.run(files.base(), scenario);
                    assertThat(result.passed()).as(result.reason()).isTrue();
                }));
    }
}
