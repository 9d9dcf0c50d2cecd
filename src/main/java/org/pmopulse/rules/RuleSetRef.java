package org.pmopulse.rules;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which rule set produced an assessment. */
@Schema(description = "Rule-set version (sha256 of rule files, thresholds and playbook), file and rule counts")
public record RuleSetRef(String version, int files, int rules) {}
