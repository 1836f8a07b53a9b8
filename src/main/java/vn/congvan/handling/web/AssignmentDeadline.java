package vn.congvan.handling.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
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

    static String shown(LocalDate day) {
        return VietnamTime.DAY.format(day);
    }
}
