package org.pmopulse.coach.scenario;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.Assessor;
import org.pmopulse.assessment.Health;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.rules.portfolio.Peers;
import org.pmopulse.rules.Finding;
import org.pmopulse.rules.RuleSet;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.snapshot.SnapshotReader;
import org.pmopulse.system.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs scenarios against a rule set: builds each scenario's snapshot and earlier weeks on the base, checks them
 * as any snapshot is checked, runs the rules and compares what fired with what the scenario expects.
 */
public final class ScenarioRunner {
    /** A scenario's outcome: passed, or the reason it did not. */
    public record Result(Scenario scenario, boolean passed, String reason) {}

    private final RuleSet rules;
    private final SnapshotReader reader = new SnapshotReader();
    /** The same pipeline as a real assessment, without a model: scenarios are about the rules. */
    private final Assessor assessor = new Assessor(Forecaster.rulesOnly("scenarios run the rules only"), Clock.systemUTC());

    public ScenarioRunner(RuleSet rules) {
        this.rules = rules;
    }

    public List<Result> runAll(ScenarioFiles files) {
        return files.scenarios().stream().map(s -> run(files.base(), s)).toList();
    }

    public Result run(JsonNode base, Scenario scenario) {
        if (scenario.isScoring()) {
            return score(base, scenario);
        }
        if (rules.rule(scenario.rule()).isEmpty()) {
            return new Result(scenario, false, "no rule " + scenario.rule() + " in the rule set");
        }
        List<Finding> findings;
        try {
            findings = findings(base, scenario);
        } catch (InvalidInputException e) {
            return new Result(scenario, false, "the scenario's snapshot is invalid: " + e.problems().stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            return new Result(scenario, false, "the rules failed on it: " + e.getMessage());
        }
        List<Finding> ofRule = findings.stream().filter(f -> f.ruleId().equals(scenario.rule())).toList();
        String fired = findings.stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", "));
        if (scenario.fires() && ofRule.isEmpty()) {
            return new Result(scenario, false, "expected " + scenario.rule() + " to fire; fired: [" + fired + "]");
        }
        if (!scenario.fires() && !ofRule.isEmpty()) {
            return new Result(scenario, false, "expected " + scenario.rule() + " not to fire, but it did: "
                    + ofRule.get(0).because());
        }
        if (scenario.fires() && scenario.severity() != null
                && ofRule.stream().noneMatch(f -> f.severity() == scenario.severity())) {
            return new Result(scenario, false, "expected severity " + scenario.severity() + ", got "
                    + ofRule.stream().map(f -> f.severity().name()).distinct().toList());
        }
        return new Result(scenario, true, scenario.fires() ? ofRule.get(0).because() : "did not fire");
    }

    /** A scoring scenario: the overall RAG the project comes to, given last week's health. */
    private Result score(JsonNode base, Scenario scenario) {
        Health health;
        try {
            health = assessment(base, scenario).health();
        } catch (InvalidInputException e) {
            return new Result(scenario, false, "the scenario's snapshot is invalid: " + e.problems().stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
        String outcome = health.rag() + " at score " + health.score()
                + (health.limitedBy().isEmpty() ? "" : " (" + String.join("; ", health.limitedBy()) + ")");
        return health.rag() == scenario.expectRag() ? new Result(scenario, true, outcome)
                : new Result(scenario, false, "expected " + scenario.expectRag() + ", got " + outcome);
    }

    /** Every finding of the scenario's snapshot (also used to check that the base trips nothing). */
    public List<Finding> findings(JsonNode base, Scenario scenario) {
        return assessment(base, scenario).findings();
    }

    private Assessment assessment(JsonNode base, Scenario scenario) {
        Snapshot snapshot = reader.read(ScenarioFiles.merge(base, scenario.given()));
        List<Snapshot> earlier = new ArrayList<>();
        LocalDate asOf = snapshot.asOf();
        for (int i = 0; i < scenario.weeksBefore().size(); i++) {
            JsonNode week = ScenarioFiles.merge(base, scenario.weeksBefore().get(i));
            if (!scenario.weeksBefore().get(i).has("asOf")) {
                ((ObjectNode) week).put("asOf", asOf.minusWeeks(i + 1L).toString());
            }
            earlier.add(reader.read(week));
        }
        Health.Previous previous = scenario.previousRag() == null ? null
                : new Health.Previous(scenario.previousScore(), scenario.previousRag());
        return assessor.assess(rules, snapshot, earlier, previous, scenario.otherProjects(), Peers.of(scenario.peers()));
    }
}
