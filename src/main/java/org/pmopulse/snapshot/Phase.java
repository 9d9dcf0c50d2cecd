package org.pmopulse.snapshot;

/** Life-cycle phase reported by the project. */
public enum Phase {
    INITIATION, PLANNING, EXECUTION, CLOSING, CLOSED
}
