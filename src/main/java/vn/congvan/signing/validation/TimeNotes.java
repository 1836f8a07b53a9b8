package vn.congvan.signing.validation;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Notes on the two times of a signature. Some signing tools write the signer's local time (UTC+7)
 * as if it were UTC: the claimed signing time then lies seven hours after the time-stamp. Such a
 * signature is not refused for it, but the reader is told.
 */
final class TimeNotes {

    static final String LOCAL_TIME_AS_UTC = "signing.note.local-time-as-utc";

    private static final Duration VIETNAM_OFFSET = Duration.ofHours(7);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private TimeNotes() {}

    /** The message key of the note on the claimed and the time-stamped time, if any. */
    static Optional<String> of(@Nullable Date claimed, @Nullable Date stamped) {
        if (claimed == null || stamped == null) {
            return Optional.empty();
        }
        Duration ahead = Duration.between(stamped.toInstant(), claimed.toInstant());
        return ahead.minus(VIETNAM_OFFSET).abs().compareTo(TOLERANCE) <= 0
                ? Optional.of(LOCAL_TIME_AS_UTC)
                : Optional.empty();
    }
}
