package org.pmopulse.rules;

/** How soon a mitigation should start, most urgent first. */
public enum Urgency {
    IMMEDIATE, THIS_WEEK, THIS_MONTH, NEXT_REVIEW
}
