package org.pmopulse.snapshot;

/** How engaged a stakeholder is. */
public enum Engagement {
    HIGH, MEDIUM, LOW
}
