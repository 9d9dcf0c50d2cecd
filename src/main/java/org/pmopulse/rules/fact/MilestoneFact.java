package org.pmopulse.rules.fact;

import java.time.LocalDate;

/**
 * A milestone with its slip (forecast or actual against baseline, days, positive is late), how many days its
 * baseline date lies in the past while it is not done ({@code overdueDays}, 0 when not yet due), and how far its
 * forecast moved since last week ({@code forecastMovedDays}, null without last week's forecast).
 */
public record MilestoneFact(String id, String name, LocalDate baselineDate, LocalDate forecastDate,
                            LocalDate actualDate, String owner, Integer slipDays, int overdueDays, boolean done,
                            Integer forecastMovedDays) {}
