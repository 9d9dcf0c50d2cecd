package org.pmopulse.snapshot;

/** Status of a deliverable. */
public enum ItemStatus {
    NOT_STARTED, IN_PROGRESS, DONE, CANCELLED
}
