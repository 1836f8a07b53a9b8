package vn.congvan.exchange.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.VietnamTime;

/**
 * Dates as producers write them (yyyy/MM/dd, dd/MM/yyyy, ISO, with or without a time) and as we write them.
 * A time with a zone or an offset is turned into Vietnam's time first, so that its day is the calendar day in
 * Vietnam ("2026-03-05T20:30Z" is 6 March there); a time without one is Vietnam's already.
 */
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
        String value = text.strip();
        LocalDateTime zoned = inVietnam(value);
        if (zoned != null) {
            return zoned.toLocalDate();
        }
        LocalDate withOffset = dayWithOffset(value);
        return withOffset != null ? withOffset : parseDay(split(value)[0], text);
    }

    static @Nullable LocalDateTime timestamp(String text) {
        if (text.isBlank()) {
            return null;
        }
        String value = text.strip();
        LocalDateTime zoned = inVietnam(value);
        if (zoned != null) {
            return zoned;
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

    /** An ISO time with an offset or a zone, as the time in Vietnam; null when it has neither. */
    private static @Nullable LocalDateTime inVietnam(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.ISO_ZONED_DATE_TIME)
                    .withZoneSameInstant(VietnamTime.ZONE)
                    .toLocalDateTime();
        } catch (DateTimeParseException notWithAZone) {
            return null;
        }
    }

    /** A day written with an offset ("2026-03-05+07:00", as xs:date allows): the day it names. */
    private static @Nullable LocalDate dayWithOffset(String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_OFFSET_DATE);
        } catch (DateTimeParseException notWithAnOffset) {
            return null;
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
