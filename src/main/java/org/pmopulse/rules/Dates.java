package org.pmopulse.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Date arithmetic the DRL files import: {@code import function org.pmopulse.rules.Dates.daysBetween;}. */
public final class Dates {
    private Dates() {
    }

    /** Calendar days from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
