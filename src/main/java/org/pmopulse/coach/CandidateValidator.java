package org.pmopulse.coach;

import org.pmopulse.rules.RuleFolder;
import org.pmopulse.rules.RuleInfo;
import org.pmopulse.rules.RuleMessage;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.rules.RuleSetBuilder;
import org.pmopulse.rules.RuleSetRejectedException;
import org.pmopulse.rules.RuleSources;
import org.pmopulse.coach.scenario.Scenario;
import org.pmopulse.coach.scenario.ScenarioFiles;
import org.pmopulse.coach.scenario.ScenarioRunner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a candidate rule folder in isolation, changing nothing live: it must build (compile errors, unknown
 * threshold keys, duplicate ids, missing metadata, with file, line and column), every rule must have a scenario
 * where it fires and a near miss, every scenario must be about an existing rule and pass.
 */
public final class CandidateValidator {
    private static final String ORIGIN = "candidate";
    private final RuleSetBuilder builder;

    public CandidateValidator(Clock clock) {
        this.builder = new RuleSetBuilder(clock);
    }

    /**
     * Only builds the candidate (what a replay needs): its rule set, or {@link CandidateRejectedException}
     * with the build errors. Scenarios are not run.
     */
    public RuleSet build(RuleFolder folder) {
        RuleSources sources = folder.ruleSources(ORIGIN);
        try {
            return builder.build(sources);
        } catch (RuleSetRejectedException e) {
            throw new CandidateRejectedException(
                    new ValidationReport(false, sources.version(), 0, 0, 0, e.errors(), List.of(), null));
        }
    }

    public ValidationReport validate(RuleFolder folder) {
        RuleSet rules;
        try {
            rules = build(folder);
        } catch (CandidateRejectedException e) {
            return e.report();
        }
        String version = rules.version();
        List<RuleMessage> errors = new ArrayList<>();
        ScenarioFiles scenarios;
        try {
            scenarios = ScenarioFiles.parse(folder.scenarioFiles());
        } catch (ScenarioFiles.ScenarioFileException e) {
            errors.add(RuleMessage.error(RuleFolder.SCENARIOS, 0, e.getMessage()));
            return new ValidationReport(false, version, rules.catalogue().size(), 0, 0, errors, rules.warnings(), rules);
        }
        for (RuleInfo rule : rules.catalogue()) {
            List<Scenario> mine = scenarios.scenarios().stream().filter(s -> s.isAbout(rule.id())).toList();
            if (mine.stream().noneMatch(Scenario::fires)) {
                errors.add(RuleMessage.error(rule.file(), rule.line(), rule.id() + " has no scenario where it fires"));
            }
            if (mine.stream().allMatch(Scenario::fires)) {
                errors.add(RuleMessage.error(rule.file(), rule.line(), rule.id() + " has no near-miss scenario"));
            }
        }
        int failed = 0;
        ScenarioRunner runner = new ScenarioRunner(rules);
        for (Scenario scenario : scenarios.scenarios()) {
            ScenarioRunner.Result result = runner.run(scenarios.base(), scenario);
            if (!result.passed()) {
                failed++;
                errors.add(RuleMessage.error(RuleFolder.SCENARIOS + scenario.file(), 0,
                        "scenario \"" + scenario.title() + "\" fails: " + result.reason()));
            }
        }
        return new ValidationReport(errors.isEmpty(), version, rules.catalogue().size(), scenarios.scenarios().size(),
                failed, errors, rules.warnings(), rules);
    }
}
