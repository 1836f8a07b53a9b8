package vn.congvan.handling.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import vn.congvan.audit.AuditRecordView;

/** A document's timeline read from its audit records, each step named in the reader's language. */
final class Timeline {

    private Timeline() {}

    static List<TimelineEntry> of(List<AuditRecordView> records, MessageSource messages, Locale locale) {
        return records.stream()
                .map(r -> new TimelineEntry(
                        r.recordedAt(),
                        r.actorName(),
                        r.action(),
                        Objects.requireNonNull(
                                messages.getMessage("audit.action." + r.action(), null, r.action(), locale),
                                "a default message is given"),
                        r.details()))
                .toList();
    }
}
