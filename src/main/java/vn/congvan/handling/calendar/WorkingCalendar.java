package vn.congvan.handling.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.congvan.shared.VietnamTime;

/** Working days (ngày làm việc): Monday to Friday, less the configured holidays, in Vietnam time. */
@Component
public class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Clock clock;

    public WorkingCalendar(HandlingProperties properties, Clock clock) {
        this.holidays = Set.copyOf(properties.holidays());
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The first working day on or after {@code day}. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last working day on or before {@code day}. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The working day {@code days} working days after {@code from} (0: {@code from} itself, if it is one). */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate d = onOrAfter(from);
        for (int i = 0; i < days; i++) {
            d = onOrAfter(d.plusDays(1));
        }
        return d;
    }

    /**
     * Working days from {@code from} to {@code to}: positive when {@code to} is later, 0 on the same
     * day, negative when {@code to} has passed (an overdue deadline).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int sign = to.isBefore(from) ? -1 : 1;
        LocalDate a = sign > 0 ? from : to;
        LocalDate b = sign > 0 ? to : from;
        int count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return sign * count;
    }
}
