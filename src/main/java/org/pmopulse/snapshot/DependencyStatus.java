package org.pmopulse.snapshot;

/** Status of a dependency on another project. */
public enum DependencyStatus {
    ON_TRACK, AT_RISK, LATE, DELIVERED
}
