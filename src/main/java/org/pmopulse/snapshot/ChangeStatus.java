package org.pmopulse.snapshot;

/** Status of a change request; IN_PROGRESS means being worked, whether or not it was approved. */
public enum ChangeStatus {
    PROPOSED, IN_PROGRESS, APPROVED, REJECTED, IMPLEMENTED
}
