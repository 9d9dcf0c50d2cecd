package org.pmopulse.snapshot;

/** Status of a change request. */
public enum ChangeStatus {
    PROPOSED, APPROVED, REJECTED, IMPLEMENTED
}
