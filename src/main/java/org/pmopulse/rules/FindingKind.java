package org.pmopulse.rules;

/** Which pack a finding comes from. */
public enum FindingKind {
    COMPLIANCE, EARLY_WARNING, SCHEDULE_QUALITY
}
