package vn.congvan.handling.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;

/**
 * A deadline as people in Vietnam write it (dd/MM/yyyy, the day first), read from the assigning
 * form; the ISO form a browser's own date field sends is read too.
 */
final class AssignmentDeadline {

    private AssignmentDeadline() {}

    static @Nullable LocalDate read(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return VietnamTime.readDay(text)
                .orElseThrow(() -> DomainException.invalid("handling.deadline.unreadable", text.strip()));
    }

    /**
     * The deadline the assigning form proposes: the date the sender asked the document to be handled
     * by (hạn giải quyết), or the last working day before it when it falls on a day off; none when
     * there is no such date or it has passed.
     */
    static @Nullable String proposed(@Nullable LocalDate due, WorkingCalendar calendar) {
        if (due == null) {
            return null;
        }
        LocalDate day = calendar.onOrBefore(due);
        return day.isBefore(calendar.today()) ? null : shown(day);
    }

    static String shown(LocalDate day) {
        return VietnamTime.DAY.format(day);
    }
}
