package vn.congvan.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.notification.PendingMails.PendingMail;

/**
 * E-mails the notices due, on every node: each notice is locked while it is sent, so one node
 * sends it; a failure leaves it due again later. An e-mail sent just before a crash, whose
 * transaction did not commit, is sent again: a notice is e-mailed at least once, never lost.
 */
class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    /** The directory keeps no preferred language: e-mails are in Vietnamese. */
    static final Locale LANGUAGE = Locale.forLanguageTag("vi");

    static final int BATCH = 50;

    private final PendingMails pending;
    private final Directory directory;
    private final JavaMailSender sender;
    private final NoticeEmail email;
    private final MailSettings settings;
    private final TransactionTemplate transaction;
    private final NoticeScreening screening;

    NoticeMailer(
            PendingMails pending,
            Directory directory,
            JavaMailSender sender,
            NoticeEmail email,
            MailSettings settings,
            TransactionTemplate transaction,
            NoticeScreening screening) {
        this.screening = screening;
        this.pending = pending;
        this.directory = directory;
        this.sender = sender;
        this.email = email;
        this.settings = settings;
        this.transaction = transaction;
    }

    @Scheduled(
            initialDelayString = "${congvan.notification.mail-interval}",
            fixedDelayString = "${congvan.notification.mail-interval}")
    void sendDue() {
        for (int i = 0; i < BATCH && sendNext(); i++) {
            // one notice per transaction, so that a lock is held only while its e-mail is sent
        }
    }

    /** Sends the next notice due, if any; false when none is. */
    boolean sendNext() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<PendingMail> next = pending.takeNext();
            next.ifPresent(this::deliver);
            return next.isPresent();
        }));
    }

    private void deliver(PendingMail mail) {
        NoticeView notice = mail.notice();
        if (!notice.unread()) {
            pending.dropped(notice.id(), "read");
            return;
        }
        // Rights as they are when the mail leaves: never a subject the reader may not read (now).
        if (screening.hidden(mail.personId(), notice)) {
            pending.dropped(notice.id(), "unreadable");
            return;
        }
        Optional<PersonView> person = directory.findPerson(mail.personId()).filter(PersonView::enabled);
        String address = person.map(PersonView::email).filter(a -> !a.isBlank()).orElse(null);
        if (address == null) {
            pending.dropped(notice.id(), "no-address");
            return;
        }
        String fullName = person.get().fullName();
        try {
            sender.send(message -> email.write(message, notice, fullName, address, LANGUAGE));
            pending.sent(notice.id());
        } catch (MailException e) {
            int attempts = mail.attempts() + 1;
            @Nullable Duration retryIn = attempts < settings.mailMaxAttempts() ? settings.waitAfter(attempts) : null;
            log.warn(
                    "E-mail of notice {} failed (attempt {}), {}: {}",
                    notice.id(),
                    attempts,
                    retryIn == null ? "given up" : "next in " + retryIn,
                    e.getMessage());
            pending.failed(notice.id(), retryIn, String.valueOf(e.getMessage()));
        }
    }
}
