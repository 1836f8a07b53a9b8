package vn.congvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationMailBackOffTests {

    private final MailSettings settings = new MailSettings(
            "congvan@localhost", "https://congvan.example/", Duration.ofSeconds(30), Duration.ofMinutes(1), 20);

    @Test
    void eachFailedAttemptDoublesTheWaitUpToAnHour() {
        assertThat(settings.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.waitAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(settings.waitAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.waitAfter(19)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void linksInEmailsStartWithTheBaseAddressWithoutADoubleSlash() {
        assertThat(settings.baseUrl()).isEqualTo("https://congvan.example");
    }
}
