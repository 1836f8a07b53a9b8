package vn.congvan.handling.notices;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.notification.Notice;
import vn.congvan.notification.Notifications;

/**
 * The notices handling sends, in the transaction of the step that causes them: to whoever the step
 * hands work to. The texts are handling's ({@code handling.notice.*}), with the document's subject.
 */
@Component
public class HandlingNotices {

    private final Notifications notifications;

    HandlingNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The official acted on what {@code link} shows: their notices about it are done. */
    public void done(UUID official, String link) {
        notifications.settle(official, link);
    }

    /** Work of this kind at {@code link}, announced to several, was done by one: everyone's notices of it are done. */
    public void doneForEveryone(String kind, String link) {
        notifications.settleForEveryone(kind, link);
    }

    /** The one thing at {@code link} was dealt with, by whomever: every notice about it is done. */
    public void doneForEveryone(String link) {
        notifications.settleForEveryone(link);
    }

    /** Tells each official, once even if named twice and never the one who acted, what waits for them. */
    public void tell(
            Collection<@Nullable UUID> people,
            @Nullable UUID actor,
            String kind,
            String subject,
            String link,
            boolean urgent) {
        Set<UUID> once = new LinkedHashSet<>();
        for (UUID person : people) {
            if (person != null && !person.equals(actor)) {
                once.add(person);
            }
        }
        for (UUID person : once) {
            notifications.send(new Notice(person, kind, "handling.notice." + kind, List.of(subject), link, urgent));
        }
    }
}
