package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.ItemStatus;

import java.time.LocalDate;

/** A deliverable; {@code open} is true unless it is done or cancelled. */
public record DeliverableFact(String id, String name, String owner, String accountable, LocalDate dueDate,
                              ItemStatus status, boolean open) {

    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }

    public boolean hasAccountable() {
        return accountable != null && !accountable.isBlank();
    }
}
