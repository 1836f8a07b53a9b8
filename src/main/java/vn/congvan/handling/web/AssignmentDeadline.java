package vn.congvan.handling.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;

/**
 * A deadline as people in Vietnam write it (dd/MM/yyyy, the day first), read from the assigning
 * form; the ISO form a browser's own date field sends is read too.
 */
final class AssignmentDeadline {

    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private AssignmentDeadline() {}

    static @Nullable LocalDate read(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String written = text.strip();
        try {
            return written.contains("/") ? LocalDate.parse(written, WRITTEN) : LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("handling.deadline.unreadable", written);
        }
    }

    static String shown(LocalDate day) {
        return VietnamTime.DAY.format(day);
    }
}
