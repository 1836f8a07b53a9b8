package vn.congvan.exchange.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Dates as producers write them (yyyy/MM/dd, dd/MM/yyyy, ISO, with or without a time) and as we write them. */
final class EdxmlDates {

    static final DateTimeFormatter DAY = strict("uuuu/MM/dd");
    static final DateTimeFormatter TIMESTAMP = strict("uuuu/MM/dd HH:mm:ss");
    private static final List<DateTimeFormatter> DAYS =
            List.of(strict("uuuu/M/d"), strict("d/M/uuuu"), strict("uuuu-M-d"), strict("d-M-uuuu"));

    private EdxmlDates() {}

    static @Nullable LocalDate day(String text) {
        if (text.isBlank()) {
            return null;
        }
        return parseDay(split(text.strip())[0], text);
    }

    static @Nullable LocalDateTime timestamp(String text) {
        if (text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toLocalDateTime();
        } catch (DateTimeParseException notWithAnOffset) {
            // the producers' own forms follow
        }
        String[] parts = split(value);
        LocalDate day = parseDay(parts[0], text);
        if (parts.length == 1) {
            return day.atStartOfDay();
        }
        try {
            return day.atTime(LocalTime.parse(parts[1].strip()));
        } catch (DateTimeParseException e) {
            throw Refusals.malformed(text);
        }
    }

    private static String[] split(String value) {
        return value.split("[ T]", 2);
    }

    private static LocalDate parseDay(String day, String text) {
        for (DateTimeFormatter format : DAYS) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw Refusals.malformed(text);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
