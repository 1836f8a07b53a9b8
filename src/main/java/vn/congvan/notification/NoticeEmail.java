package vn.congvan.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Writes the e-mail of one notice: its text as the subject, a greeting, the text and the absolute link. */
class NoticeEmail {

    private final MessageSource messages;
    private final MailSettings settings;

    NoticeEmail(MessageSource messages, MailSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    void write(MimeMessage message, NoticeView notice, String fullName, String address, Locale locale)
            throws MessagingException {
        String text = notice.text(messages, locale);
        String subjectKey = notice.urgent() ? "notification.mail.subject.urgent" : "notification.mail.subject";
        String body = String.join(
                "\n",
                message("notification.mail.greeting", locale, fullName),
                "",
                text,
                "",
                message("notification.mail.open", locale, settings.baseUrl() + notice.link()),
                "",
                "-- ",
                message("notification.mail.footer", locale));
        MimeMessageHelper mail = new MimeMessageHelper(message, "UTF-8");
        mail.setFrom(settings.mailFrom());
        mail.setTo(address);
        // Arguments may carry what users typed: a line break in the subject would start a header of its own.
        mail.setSubject(message(subjectKey, locale, text).replaceAll("[\\r\\n]+", " "));
        mail.setText(body, false);
        // Lets a mail client or a support engineer tell which notice an e-mail came from.
        message.setHeader("X-CongVan-Notice", notice.id().toString());
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
