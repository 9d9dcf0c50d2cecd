package org.pmopulse.snapshot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The ISO-8601 week of a date, {@code 2026-W47}: Pulse keeps one snapshot per project per week. Sorts as text. */
public final class IsoWeek {
    private IsoWeek() {
    }

    /** The Monday that starts an ISO week given as {@code 2026-W47}. */
    public static LocalDate monday(String isoWeek) {
        return LocalDate.of(Integer.parseInt(isoWeek.substring(0, 4)), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(isoWeek.substring(6)))
                .with(DayOfWeek.MONDAY);
    }

    /** Years have four digits, so weeks sort as text; Pulse only meets years 1000-9999 (see {@link DateWindow}). */
    public static String of(LocalDate date) {
        return String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
