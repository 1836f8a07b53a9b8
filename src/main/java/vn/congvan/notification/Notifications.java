package vn.congvan.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.shared.DomainException;

/** Notices to officials: other modules send them, each official reads and marks only their own. */
@Service
public class Notifications {

    private final Notices notices;
    private final NoticeScreening screening;
    private final boolean mail;

    /** Notices are queued for e-mail only where a mailer sends them: on a node without SMTP none pile up. */
    Notifications(Notices notices, NoticeScreening screening, ObjectProvider<NoticeMailer> mailer) {
        this.notices = notices;
        this.screening = screening;
        this.mail = mailer.getIfAvailable() != null;
    }

    /**
     * Keeps the notice inside the caller's transaction, which must exist: a change rolled back
     * notifies nobody. The same notice still unread is refreshed, not repeated. With SMTP
     * configured it is e-mailed after the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Notice notice) {
        notices.keep(notice, mail);
    }

    @Transactional(readOnly = true)
    public long unreadCount(UUID personId) {
        return notices.unread(personId);
    }

    /**
     * The person's newest notices, read or not, at most {@code limit} (1 to 200); one about a
     * document the person may not read now says only that, without its subject or link.
     */
    @Transactional(readOnly = true)
    public List<NoticeView> latest(UUID personId, int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be 1 to 200: " + limit);
        }
        return screening.shown(personId, notices.latest(personId, limit));
    }

    /** Marks one of the person's notices read; another person's is not found ({@code notification.not-found}). */
    @Transactional
    public void markRead(UUID personId, UUID noticeId) {
        if (!notices.markRead(personId, noticeId)) {
            throw DomainException.notFound("notification.not-found");
        }
    }

    /**
     * The work the person's unread notices about {@code link} announced is done (they acted on it):
     * they are read now, and leave the bell. In the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(UUID personId, String link) {
        notices.settle(personId, link);
    }

    /**
     * Work several people were told of and one of them did (a draft any clerk of the unit may
     * issue): everyone's unread notices of this kind about {@code link} are read now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settleForEveryone(String kind, String link) {
        notices.settleForEveryone(kind, link);
    }

    /**
     * The one thing at {@code link} was dealt with (an arrival any clerk of the unit may register or
     * refuse): every unread notice about it, of any kind and to anyone, is read now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settleForEveryone(String link) {
        notices.settleForEveryone(link);
    }

    @Transactional
    public void markAllRead(UUID personId) {
        notices.markAllRead(personId);
    }
}
