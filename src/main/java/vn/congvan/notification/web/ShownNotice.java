package vn.congvan.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import vn.congvan.notification.NoticeView;

/** A notice with its text rendered in the reader's language, as the page and the API show it. */
record ShownNotice(UUID id, String kind, String text, String link, boolean urgent, Instant notifiedAt, boolean read) {

    static List<ShownNotice> of(List<NoticeView> notices, MessageSource messages, Locale locale) {
        return notices.stream()
                .map(n -> new ShownNotice(
                        n.id(), n.kind(), n.text(messages, locale), n.link(), n.urgent(), n.notifiedAt(), !n.unread()))
                .toList();
    }
}
