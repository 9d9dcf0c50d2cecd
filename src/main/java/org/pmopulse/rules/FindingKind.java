package org.pmopulse.rules;

/** Which pack a finding comes from. */
public enum FindingKind {
    COMPLIANCE, EARLY_WARNING, SCHEDULE_QUALITY,
    /** From the portfolio rules: found across the projects of a week; shown and advised on, not scored. */
    PORTFOLIO
}
