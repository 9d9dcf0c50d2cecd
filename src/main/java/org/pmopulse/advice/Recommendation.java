package org.pmopulse.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pmopulse.rules.Urgency;

import java.util.List;

/** A ranked mitigation: what to do, who, how soon, which findings it answers and how much it matters (0..1). */
@Schema(description = "A mitigation from the playbook, ranked by priority")
public record Recommendation(int rank, String id, String title, List<String> actions, String ownerRole,
                             Urgency urgency,
                             @Schema(description = "Rule ids of the findings it answers, and 'forecast' for a forecast slip")
                             List<String> addresses,
                             @Schema(description = "0..1; the formula is in rules/README.md") double priority) {}
