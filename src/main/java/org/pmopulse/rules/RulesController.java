package org.pmopulse.rules;

import io.swagger.v3.oas.annotations.Operation;
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

    record Catalogue(String version, List<RuleInfo> rules) {}

    @Operation(summary = "The live rule set (version, folder, when loaded) and the last rejected build with its errors")
    @GetMapping("/status")
    Status status() {
        Live live = rules.live().map(set -> new Live(set.version(), set.origin(), set.loadedAt(), set.files().size(),
                set.catalogue().size(), set.warnings())).orElse(null);
        return new Status(live, rules.lastRejection().orElse(null));
    }

    @Operation(summary = "Every rule of the live set: id, title, pack, file and line, kind, dimension, severity, thresholds read")
    @GetMapping
    Catalogue catalogue() {
        RuleSet set = rules.current();
        return new Catalogue(set.version(), set.catalogue());
    }
}
