package org.pmopulse.rules;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which rule set produced an assessment, and, when the assessment is read, whether that set is still the live one:
 * after a rule change, assessments made with the earlier set say so until the re-assessment reaches them.
 */
@Schema(description = "Rule-set version (sha256 of rule files, thresholds, playbook and data map), file and rule counts")
public record RuleSetRef(String version, int files, int rules,
                         @Schema(description = "On reading: whether this is the live rule set (false while a "
                                 + "re-assessment after a rule change has not reached this assessment)") Boolean live) {

    public RuleSetRef(String version, int files, int rules) {
        this(version, files, rules, null);
    }

    /** This reference as of now: live or not. */
    public RuleSetRef against(String liveVersion) {
        return new RuleSetRef(version, files, rules, liveVersion == null ? null : liveVersion.equals(version));
    }
}
