package vn.congvan.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code congvan.notification.*} settings of e-mailed notices: the sender, the address the
 * links start with, how often each node looks for notices to e-mail, the first wait after a
 * failure (doubled at each further one, at most an hour) and how many attempts before giving up.
 */
@ConfigurationProperties("congvan.notification")
record MailSettings(String mailFrom, String baseUrl, Duration mailInterval, Duration mailRetry, int mailMaxAttempts) {

    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    MailSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** How long to wait after the given number of failed attempts. */
    Duration waitAfter(int failedAttempts) {
        Duration wait = mailRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }
}
