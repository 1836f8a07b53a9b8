package vn.congvan.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** A notice as its reader sees it: what, about which link, when it was last notified, and whether it was read. */
public record NoticeView(
        UUID id,
        String kind,
        String messageKey,
        List<String> arguments,
        String link,
        boolean urgent,
        Instant notifiedAt,
        @Nullable Instant readAt) {

    public NoticeView {
        arguments = List.copyOf(arguments);
    }

    public boolean unread() {
        return readAt == null;
    }

    /** The notice's text in the reader's language (its phrases too); the key itself when no bundle has it. */
    public String text(MessageSource messages, Locale locale) {
        Object[] said = arguments.stream()
                .map(a -> NoticePhrase.say(a, messages, locale))
                .toArray();
        // Never null: a default message is given.
        return Objects.requireNonNull(messages.getMessage(messageKey, said, messageKey, locale));
    }
}
