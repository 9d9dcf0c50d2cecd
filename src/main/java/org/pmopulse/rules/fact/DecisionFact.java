package org.pmopulse.rules.fact;

import java.time.LocalDate;

/** A decision; {@code overdueDays} is how long its follow-up is past due while not done (0 when not due). */
public record DecisionFact(String id, String summary, String owner, LocalDate followUpDue, boolean done,
                           int overdueDays) {

    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }
}
