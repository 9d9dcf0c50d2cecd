package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.Phase;

import java.time.LocalDate;

/**
 * Indicators of an earlier week of the same project; {@code weeksAgo} is 1 for the week before.
 * {@code openRiskExposure} is the sum of probability x impact over the week's open risks.
 */
public record PastWeek(int weeksAgo, LocalDate asOf, Phase phase, Double spi, Double spiT, Double cpi, Double svtDays,
                       double openRiskExposure) {}
