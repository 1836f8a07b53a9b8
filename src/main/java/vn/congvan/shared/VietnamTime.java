package vn.congvan.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** A moment as people in Vietnam write it, the day first: 05/01/2027 08:30. */
    public static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter WRITTEN_MOMENT =
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);

    private VietnamTime() {}

    /**
     * A day as people write it (05/01/2027, 5/1/2027), or in the ISO form links and API clients
     * send (2027-01-05); empty when it is no such day (31/02/2027 included).
     */
    public static Optional<LocalDate> readDay(String text) {
        String written = text.strip();
        try {
            return Optional.of(written.contains("/") ? LocalDate.parse(written, WRITTEN) : LocalDate.parse(written));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A moment as people write it, the day first (05/01/2027 08:30, 5/1/2027 8:30), or in ISO
     * (2027-01-05T08:30); empty when it is no such moment.
     */
    public static Optional<LocalDateTime> readMoment(String text) {
        String written = text.strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(
                    written.contains("/")
                            ? LocalDateTime.parse(written, WRITTEN_MOMENT)
                            : LocalDateTime.parse(written));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
