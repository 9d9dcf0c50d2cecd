package org.pmopulse.rules.fact;

import java.time.LocalDate;

/**
 * Progress figures (percent complete, earned value, actual cost) sent unchanged week after week while the
 * calendar moves: numbers nobody updated, which must not count as fresh data.
 *
 * @param weeksUnchanged how many earlier snapshots in a row report the same figures
 * @param since          the date of the earliest of them
 */
public record ProgressStaleness(int weeksUnchanged, LocalDate since) {}
