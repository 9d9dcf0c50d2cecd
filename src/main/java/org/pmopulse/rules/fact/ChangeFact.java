package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.ChangeStatus;

import java.time.LocalDate;

/**
 * A change request. {@code approved} is APPROVED or IMPLEMENTED; {@code daysSinceDecision} is null without a
 * decision date.
 */
public record ChangeFact(String id, String summary, ChangeStatus status, Double scopeImpactPct, String decidedBy,
                         LocalDate decidedOn, Integer daysSinceDecision) {

    public boolean isApproved() {
        return status == ChangeStatus.APPROVED || status == ChangeStatus.IMPLEMENTED;
    }

    public boolean isDecisionRecorded() {
        return decidedBy != null && !decidedBy.isBlank() && decidedOn != null;
    }
}
