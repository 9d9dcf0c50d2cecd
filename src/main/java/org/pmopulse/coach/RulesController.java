package org.pmopulse.coach;

import org.pmopulse.rules.LiveRules;
import org.pmopulse.rules.RuleInfo;
import org.pmopulse.rules.RuleMessage;
import org.pmopulse.rules.RuleSet;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.coach.scenario.Scenario;
import org.pmopulse.coach.scenario.ScenarioFiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/rules")
class RulesController {
    private final LiveRules rules;

    RulesController(LiveRules rules) {
        this.rules = rules;
    }

    /** The live rule set and the last rejected one, if a later build failed. */
    record Status(Live live, LiveRules.Rejection lastRejection) {}

    record Live(String version, String folder, Instant loadedAt, int files, int rules, List<RuleMessage> warnings) {}

    /** A rule of the catalogue with how many scenarios show it firing and narrowly not firing. */
    record Entry(@JsonUnwrapped RuleInfo rule, int firingScenarios, int nearMissScenarios) {}

    record Catalogue(String version, String folder, Instant loadedAt, List<Entry> rules, LiveRules.Rejection lastRejection) {}

    @Operation(summary = "The live rule set (version, folder, when loaded) and the last rejected build with its errors")
    @GetMapping("/status")
    Status status() {
        Live live = rules.live().map(set -> new Live(set.version(), set.origin(), set.loadedAt(), set.files().size(),
                set.catalogue().size(), set.warnings())).orElse(null);
        return new Status(live, rules.lastRejection().orElse(null));
    }

    @Operation(summary = "Every rule of the live set: id, title, what it protects against, pack, file and line, kind, "
            + "dimension, severity, thresholds read, scenario counts; the live version and the last rejected build")
    @GetMapping
    Catalogue catalogue() {
        RuleSet set = rules.current();
        List<Scenario> scenarios = scenarios();
        List<Entry> entries = set.catalogue().stream().map(rule -> new Entry(rule,
                (int) scenarios.stream().filter(s -> s.isAbout(rule.id()) && s.fires()).count(),
                (int) scenarios.stream().filter(s -> s.isAbout(rule.id()) && !s.fires()).count())).toList();
        return new Catalogue(set.version(), set.origin(), set.loadedAt(), entries, rules.lastRejection().orElse(null));
    }

    /** The scenarios on disk now; a folder whose scenarios do not parse counts none (validate says why). */
    private List<Scenario> scenarios() {
        try {
            return ScenarioFiles.read(rules.dir().resolve("scenarios")).scenarios();
        } catch (ScenarioFiles.ScenarioFileException e) {
            return List.of();
        }
    }
}
