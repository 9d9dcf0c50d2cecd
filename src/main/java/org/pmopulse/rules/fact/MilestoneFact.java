package org.pmopulse.rules.fact;

import java.time.LocalDate;

/**
 * A milestone with its slip (forecast or actual against baseline, days, positive is late) and, when it is not
 * done, how many days its baseline date lies in the past ({@code overdueDays}, 0 when not yet due).
 */
public record MilestoneFact(String id, String name, LocalDate baselineDate, LocalDate forecastDate,
                            LocalDate actualDate, String owner, Integer slipDays, int overdueDays, boolean done) {}
