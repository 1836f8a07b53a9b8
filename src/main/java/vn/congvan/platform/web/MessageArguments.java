package vn.congvan.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.VietnamTime;

/**
 * The arguments of a message as a person reads them: a day as dd/MM/yyyy, a moment in Vietnam
 * time as dd/MM/yyyy HH:mm, anything else as it is. A refusal carries dates as values; the words
 * around them are the bundle's.
 */
public final class MessageArguments {

    private MessageArguments() {}

    public static @Nullable Object[] readable(@Nullable Object[] args) {
        @Nullable Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            shown[i] = readable(shown[i]);
        }
        return shown;
    }

    private static @Nullable Object readable(@Nullable Object arg) {
        if (arg instanceof LocalDate day) {
            return VietnamTime.DAY.format(day);
        }
        if (arg instanceof Instant moment) {
            return VietnamTime.MOMENT.format(moment.atZone(VietnamTime.ZONE));
        }
        if (arg instanceof OffsetDateTime moment) {
            return VietnamTime.MOMENT.format(moment.atZoneSameInstant(VietnamTime.ZONE));
        }
        if (arg instanceof ZonedDateTime moment) {
            return VietnamTime.MOMENT.format(moment.withZoneSameInstant(VietnamTime.ZONE));
        }
        return arg;
    }
}
