package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvan.handling.calendar.HandlingProperties;
import vn.congvan.handling.calendar.WorkingCalendar;

/** Working days skip weekends and the configured holidays. */
class WorkingCalendarTests {

    /** Tết 2027 as a province would configure it: Friday 5 to Wednesday 10 February. */
    final WorkingCalendar calendar = new WorkingCalendar(
            new HandlingProperties(
                    List.of(
                            LocalDate.of(2027, 2, 5),
                            LocalDate.of(2027, 2, 8),
                            LocalDate.of(2027, 2, 9),
                            LocalDate.of(2027, 2, 10)),
                    1),
            Clock.system(ZoneOffset.UTC));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 6))).isFalse();
        assertThat(calendar.onOrAfter(LocalDate.of(2027, 2, 5))).isEqualTo(LocalDate.of(2027, 2, 11));
    }

    @Test
    void threeWorkingDaysAfterTheThursdayBeforeTetFallAfterTheHoliday() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 2, 4), 3)).isEqualTo(LocalDate.of(2027, 2, 15));
    }

    @Test
    void workingDaysBetweenAreNegativeOnceTheDeadlineHasPassed() {
        LocalDate thursday = LocalDate.of(2027, 2, 4);
        LocalDate monday = LocalDate.of(2027, 2, 15);
        assertThat(calendar.workingDaysBetween(thursday, monday)).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(monday, thursday)).isEqualTo(-3);
        assertThat(calendar.workingDaysBetween(monday, monday)).isZero();
    }
}
