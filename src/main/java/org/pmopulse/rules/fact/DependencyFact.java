package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.DependencyStatus;

import java.time.LocalDate;

/** A dependency on another project's deliverable; {@code daysUntilNeed} is negative once the need-by date passed. */
public record DependencyFact(String onProject, String deliverable, LocalDate needBy, DependencyStatus status,
                             Integer daysUntilNeed) {

    public boolean isOpen() {
        return status != DependencyStatus.DELIVERED;
    }
}
