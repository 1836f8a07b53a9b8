package vn.congvan.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Vietnam's time zone (UTC+07:00), in which years, days and deadlines are counted. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A day as people in Vietnam write it: 05/01/2027. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private VietnamTime() {}

    /**
     * A day as people write it (05/01/2027, 5/1/2027), or in the ISO form a browser's date field
     * sends (2027-01-05); empty when it is no such day (31/02/2027 included).
     */
    public static Optional<LocalDate> readDay(String text) {
        String written = text.strip();
        try {
            return Optional.of(written.contains("/") ? LocalDate.parse(written, WRITTEN) : LocalDate.parse(written));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
