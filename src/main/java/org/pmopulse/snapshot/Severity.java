package org.pmopulse.snapshot;

/** Severity of a finding or of an issue. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
