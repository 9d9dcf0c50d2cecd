package org.pmopulse.rules.fact;

import java.time.LocalDate;

/**
 * A reported sprint. {@code recency} is 0 for the latest sprint, 1 for the one before, ...;
 * {@code reliability} is completed / committed points and {@code carryOver} committed minus completed.
 */
public record SprintFact(Integer number, int recency, LocalDate start, LocalDate end, Integer lengthDays,
                         Double committedPoints, Double completedPoints, Double reliability, Double carryOver,
                         boolean reviewHeld, boolean retroHeld) {}
