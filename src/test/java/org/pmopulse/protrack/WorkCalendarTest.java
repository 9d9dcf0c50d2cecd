package org.pmopulse.protrack;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkCalendarTest {
    /** 08:00-12:00 and 13:00-17:00, Monday to Friday, Wednesday 8 January 2025 off. */
    private static final WorkCalendar OFFICE = new WorkCalendar(
            Set.of(0, 1, 2, 3, 4, 5, 6, 7, 12, 17, 18, 19, 20, 21, 22, 23),
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(LocalDate.of(2025, 1, 8)));
    private static final LocalDateTime MONDAY_8 = LocalDateTime.of(2025, 1, 6, 8, 0);

    @Test
    void workingHoursSkipLunchNightsWeekendsAndHolidays() {
        assertThat(OFFICE.workingHoursPerDay()).isEqualTo(8);
        assertThat(OFFICE.plusWorkingHours(MONDAY_8, 8)).isEqualTo(LocalDateTime.of(2025, 1, 6, 17, 0));
        assertThat(OFFICE.plusWorkingHours(MONDAY_8, 4.5)).isEqualTo(LocalDateTime.of(2025, 1, 6, 13, 30));
        // Tuesday, then Thursday: the Wednesday holiday does not count
        assertThat(OFFICE.plusWorkingHours(MONDAY_8, 24)).isEqualTo(LocalDateTime.of(2025, 1, 9, 17, 0));
        // Friday's eight hours end the week; the ninth is Monday
        assertThat(OFFICE.plusWorkingHours(MONDAY_8, 33)).isEqualTo(LocalDateTime.of(2025, 1, 13, 9, 0));
    }

    @Test
    void hoursBetweenIsTheInverseOfAddingThem() {
        for (double hours : new double[] {0, 1, 7.5, 16, 24, 33, 200}) {
            assertThat(OFFICE.workingHoursBetween(MONDAY_8, OFFICE.plusWorkingHours(MONDAY_8, hours))).isEqualTo(hours);
        }
        assertThat(OFFICE.workingHoursBetween(LocalDateTime.of(2025, 1, 9, 17, 0), MONDAY_8)).isEqualTo(-24);
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRefused() {
        assertThatThrownBy(() -> new WorkCalendar(Set.of(), Set.of(DayOfWeek.values()), Set.of()))
                .hasMessageContaining("no working hours");
    }
}
