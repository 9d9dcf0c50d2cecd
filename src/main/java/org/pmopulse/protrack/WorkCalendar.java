package org.pmopulse.protrack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A ProTrack working calendar (the file's {@code Agenda}): the hours of the day that are not worked, the weekdays
 * that are not worked and the holidays. Durations in ProTrack files are working hours on this calendar; the
 * {@code DefaultWorkingHoursPerDay} setting is not used because it does not always match it.
 */
public record WorkCalendar(Set<Integer> nonWorkingHours, Set<DayOfWeek> nonWorkingDays, Set<LocalDate> holidays) {
    /** Upper bound of a search through the calendar: 50 years of hours. */
    private static final long MAX_HOURS = 50L * 366 * 24;

    public WorkCalendar {
        nonWorkingHours = Set.copyOf(nonWorkingHours);
        nonWorkingDays = Set.copyOf(nonWorkingDays);
        holidays = Set.copyOf(holidays);
        if (nonWorkingHours.size() >= 24 || nonWorkingDays.size() >= 7) {
            throw new IllegalArgumentException("the calendar has no working hours");
        }
    }

    /** Whether the hour starting at {@code t} (truncated to the hour) is worked. */
    public boolean isWorking(LocalDateTime t) {
        return !nonWorkingHours.contains(t.getHour()) && !nonWorkingDays.contains(t.getDayOfWeek())
                && !holidays.contains(t.toLocalDate());
    }

    public int workingHoursPerDay() {
        return 24 - nonWorkingHours.size();
    }

    /**
     * The moment {@code hours} working hours after {@code start}: the end of the last working hour, so a task of
     * 8 hours starting Monday 08:00 on an 8-to-17 calendar with a lunch hour ends Monday 17:00. Fractions of an
     * hour are counted in the last hour.
     */
    public LocalDateTime plusWorkingHours(LocalDateTime start, double hours) {
        if (hours <= 0) {
            return start;
        }
        LocalDateTime t = start.truncatedTo(ChronoUnit.HOURS);
        double left = hours;
        for (long step = 0; step < MAX_HOURS; step++, t = t.plusHours(1)) {
            if (isWorking(t)) {
                if (left <= 1) {
                    return t.plusMinutes(Math.round(left * 60));
                }
                left -= 1;
            }
        }
        throw new IllegalArgumentException("no " + hours + " working hours after " + start + " within 50 years");
    }

    /** Working hours from {@code from} to {@code to} (negative when {@code to} is earlier), to the minute. */
    public double workingHoursBetween(LocalDateTime from, LocalDateTime to) {
        if (to.isBefore(from)) {
            return -workingHoursBetween(to, from);
        }
        double hours = 0;
        LocalDateTime t = from;
        while (t.isBefore(to)) {
            LocalDateTime next = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            LocalDateTime end = next.isAfter(to) ? to : next;
            if (isWorking(t)) {
                hours += ChronoUnit.MINUTES.between(t, end) / 60.0;
            }
            t = end;
        }
        return hours;
    }
}
