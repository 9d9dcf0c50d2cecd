package org.pmopulse.snapshot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

/**
 * The dates a snapshot may hold: none before {@code earliest}; what has happened (asOf, actual dates, reviews,
 * decisions) at most {@code ahead} after today; what is planned (baselines, forecasts, due dates) at most
 * {@code planAhead} after today. A date outside is a typo or a probe, never a project: the year 9999 must not become
 * the portfolio's latest week. Today comes from the clock at each check, so a long-running Pulse moves with time.
 */
public record DateWindow(LocalDate earliest, Period ahead, Period planAhead, Clock clock) {
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1990, 1, 1);

    /** 1990-01-01 to one year after today, plans up to 20 years after today. */
    public static DateWindow defaults(Clock clock) {
        return new DateWindow(DEFAULT_EARLIEST, Period.ofYears(1), Period.ofYears(20), clock);
    }

    LocalDate latest() {
        return LocalDate.now(clock).plus(ahead);
    }

    LocalDate latestPlan() {
        return LocalDate.now(clock).plus(planAhead);
    }
}
