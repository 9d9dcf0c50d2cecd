package org.pmopulse.rules.fact;

import java.time.LocalDate;

/**
 * Another project of the same week that waits for a deliverable of this one, with this project's forecast finish.
 *
 * @param daysLate how many days this project's forecast finish is after the need-by date (negative: before)
 */
public record WaitingProject(String projectId, String deliverable, LocalDate needBy, LocalDate providerForecast,
                             Integer daysLate) {}
