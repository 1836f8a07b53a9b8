package vn.congvan.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Puts every notice through the modules' {@link NoticeScreen}s with the reader's rights of now: a
 * notice about something the reader may not read shows a neutral text and no link.
 */
@Component
class NoticeScreening {

    static final String HIDDEN_KEY = "notification.hidden";
    static final String HIDDEN_LINK = "/notifications";

    private final List<NoticeScreen> screens;

    NoticeScreening(List<NoticeScreen> screens) {
        this.screens = List.copyOf(screens);
    }

    List<NoticeView> shown(UUID personId, List<NoticeView> notices) {
        Predicate<String> hidden = hiddenFrom(personId);
        List<NoticeView> shown = new ArrayList<>(notices.size());
        for (NoticeView n : notices) {
            shown.add(hidden.test(n.link()) ? neutral(n) : n);
        }
        return shown;
    }

    boolean hidden(UUID personId, NoticeView notice) {
        return hiddenFrom(personId).test(notice.link());
    }

    private Predicate<String> hiddenFrom(UUID personId) {
        Predicate<String> hidden = link -> false;
        for (NoticeScreen screen : screens) {
            hidden = hidden.or(screen.hiddenFrom(personId));
        }
        return hidden;
    }

    private static NoticeView neutral(NoticeView n) {
        return new NoticeView(
                n.id(), n.kind(), HIDDEN_KEY, List.of(), HIDDEN_LINK, n.urgent(), n.notifiedAt(), n.readAt());
    }
}
