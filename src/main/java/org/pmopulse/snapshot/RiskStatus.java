package org.pmopulse.snapshot;

/** Status of a risk. */
public enum RiskStatus {
    OPEN, CLOSED
}
