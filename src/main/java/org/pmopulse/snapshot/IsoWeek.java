package org.pmopulse.snapshot;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The ISO-8601 week of a date, {@code 2026-W47}: Pulse keeps one snapshot per project per week. Sorts as text. */
public final class IsoWeek {
    private IsoWeek() {
    }

    public static String of(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
