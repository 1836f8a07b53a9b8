package vn.congvan.platform;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A document waiting in a clerk's tray, sent by another unit of the installation ({@link
 * Source#INSTALLATION}) or over the exchange axis ({@link Source#AXIS}): an arrival to register or
 * refuse, or ({@code revocation}) the sender's request to revoke one registered before. The page's
 * two forms post to {@code acceptPath} and to {@code refusePath} with a reason; {@code marks} are
 * what the clerk weighs before deciding (the verdict on its signatures, warnings), by message key.
 */
public record WaitingArrival(
        Source source,
        String id,
        String documentReference,
        boolean revocation,
        @Nullable String typeName,
        String notation,
        String senderName,
        String subject,
        boolean urgent,
        Instant arrivedAt,
        @Nullable String readLink,
        String acceptPath,
        String acceptLabelKey,
        String refusePath,
        String refuseLabelKey,
        @Nullable String revocationReason,
        List<Mark> marks) {

    public WaitingArrival {
        marks = List.copyOf(marks);
    }

    /** Where the tray shows the arrival {@code id}: the link of the notices that announce it. */
    public static String linkTo(Object id) {
        return "/arrivals#" + id;
    }

    /** How the document came. */
    public enum Source {
        INSTALLATION,
        AXIS;

        public String key() {
            return "tray.source." + name();
        }
    }

    /**
     * A badge or a line on the arrival: a message key (or, for a detail that came as text, the text
     * itself) with at most one argument; {@code ALERT} marks are warnings shown as such.
     */
    public record Mark(String key, @Nullable String argument, Tone tone) {

        public enum Tone {
            GOOD,
            WARNING,
            NOTE,
            ALERT
        }
    }
}
