package org.pmopulse.rules.fact;

import java.time.LocalDate;

/** Indicators of an earlier week of the same project; {@code weeksAgo} is 1 for the week before. */
public record PastWeek(int weeksAgo, LocalDate asOf, Double spi, Double spiT, Double cpi, Double svtDays) {}
