package vn.congvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A reminder whose figures are named and written in the language of whoever reads it. */
class NoticePhraseTests {

    static final Locale VI = Locale.forLanguageTag("vi");

    final StaticMessageSource messages = new StaticMessageSource();

    NoticePhraseTests() {
        messages.addMessage("reminder", VI, "Đôn đốc {0}: {1}");
        messages.addMessage("reminder", Locale.ENGLISH, "Reminder to {0}: {1}");
        messages.addMessage("shortfall", VI, "{0} {1,number,0.0}% (chỉ tiêu {2}%)");
        messages.addMessage("shortfall", Locale.ENGLISH, "{0} {1,number,0.0}% (target {2}%)");
        messages.addMessage("handled", VI, "Văn bản đến xử lý trên phần mềm");
        messages.addMessage("handled", Locale.ENGLISH, "Incoming handled in the software");
        messages.addMessage("signed", VI, "Văn bản đi có đủ chữ ký số");
        messages.addMessage("signed", Locale.ENGLISH, "Outgoing fully signed");
    }

    @Test
    void theFiguresOfAReminderAreSaidInTheReadersLanguageWithItsNumbers() {
        String figures = NoticePhrase.argument(List.of(
                NoticePhrase.of("shortfall", NoticePhrase.argument(List.of(NoticePhrase.of("handled"))), "25.0", "90"),
                NoticePhrase.of("shortfall", NoticePhrase.argument(List.of(NoticePhrase.of("signed"))), "72.5", "80")));
        NoticeView notice = view(List.of("Sở Y tế 2026", figures));

        assertThat(notice.text(messages, VI))
                .isEqualTo("Đôn đốc Sở Y tế 2026: Văn bản đến xử lý trên phần mềm 25,0% "
                        + "(chỉ tiêu 90%); Văn bản đi có đủ chữ ký số 72,5% (chỉ tiêu 80%)");
        assertThat(notice.text(messages, Locale.ENGLISH))
                .isEqualTo("Reminder to Sở Y tế 2026: Incoming handled in "
                        + "the software 25.0% (target 90%); Outgoing fully signed 72.5% (target 80%)");
    }

    @Test
    void plainArgumentsStayAsTheyAreAndABrokenPhraseIsShownAsText() {
        NoticeView notice = view(List.of("12.5", NoticePhrase.MARK + "not a phrase"));

        assertThat(notice.text(messages, VI)).isEqualTo("Đôn đốc 12.5: not a phrase");
    }

    private static NoticeView view(List<String> arguments) {
        return new NoticeView(
                UUID.randomUUID(),
                "statistics.below-target",
                "reminder",
                arguments,
                "/statistics",
                true,
                Instant.now(),
                null);
    }
}
