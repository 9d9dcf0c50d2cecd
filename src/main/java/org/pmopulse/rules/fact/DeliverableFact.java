package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.ItemStatus;

import java.time.LocalDate;

/** A deliverable; {@code open} is true unless it is done or cancelled. */
public record DeliverableFact(String id, String name, String owner, String accountable, LocalDate dueDate,
                              ItemStatus status, boolean open) {}
