package vn.congvan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongVanTest;
import vn.congvan.notification.TestReaders.Reader;
import vn.congvan.shared.DomainException;

@CongVanTest
class NotificationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Notifications notifications;

    @Autowired
    MessageSource messages;

    TestReaders readers;

    @BeforeEach
    void readers() {
        readers = new TestReaders(context, port);
    }

    @Test
    void aNoticeSentIsUnreadForItsOfficialAndRenderedInTheirLanguage() {
        Reader reader = readers.aReader("Trần Thị Hoa");
        UUID document = UUID.randomUUID();

        readers.send(TestReaders.registered(reader, "12", "/documents/" + document, true));

        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);
        NoticeView notice = notifications.latest(reader.personId(), 10).get(0);
        assertThat(notice.kind()).isEqualTo("registry.registered");
        assertThat(notice.link()).isEqualTo("/documents/" + document);
        assertThat(notice.urgent()).isTrue();
        assertThat(notice.unread()).isTrue();
        assertThat(notice.text(messages, Locale.forLanguageTag("vi"))).isEqualTo("Đã vào sổ văn bản đến, số đến 12.");
        assertThat(notice.text(messages, Locale.ENGLISH)).isEqualTo("Registered as incoming document no. 12.");
    }

    @Test
    void anotherOfficialSeesNoneOfItAndCannotMarkItRead() {
        Reader reader = readers.aReader("Trần Thị Hoa");
        Reader colleague = readers.aReader("Lê Văn Nam");
        readers.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false));
        UUID notice = notifications.latest(reader.personId(), 1).get(0).id();

        assertThat(notifications.unreadCount(colleague.personId())).isZero();
        assertThat(notifications.latest(colleague.personId(), 10)).isEmpty();
        assertThatThrownBy(() -> notifications.markRead(colleague.personId(), notice))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("notification.not-found"));
        notifications.markAllRead(colleague.personId());
        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);
    }

    @Test
    void aReminderSentTwiceStaysOneUnreadNoticeAtTheLaterTime() {
        Reader reader = readers.aReader("Trần Thị Hoa");
        String link = "/documents/" + UUID.randomUUID();
        readers.send(TestReaders.registered(reader, "12", link, false));
        NoticeView first = notifications.latest(reader.personId(), 10).get(0);

        readers.send(TestReaders.registered(reader, "12", link, true));

        List<NoticeView> notices = notifications.latest(reader.personId(), 10);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).id()).isEqualTo(first.id());
        assertThat(notices.get(0).notifiedAt()).isAfter(first.notifiedAt());
        assertThat(notices.get(0).urgent()).isTrue();
        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);
    }

    @Test
    void theSameNoticeAfterTheFirstWasReadIsANewOne() {
        Reader reader = readers.aReader("Trần Thị Hoa");
        String link = "/documents/" + UUID.randomUUID();
        readers.send(TestReaders.registered(reader, "12", link, false));
        notifications.markAllRead(reader.personId());

        readers.send(TestReaders.registered(reader, "12", link, false));

        assertThat(notifications.latest(reader.personId(), 10))
                .hasSize(2)
                .extracting(NoticeView::unread)
                .containsExactly(true, false);
        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);
    }

    @Test
    void noticesAboutDifferentThingsAreKeptApartNewestFirst() {
        Reader reader = readers.aReader("Trần Thị Hoa");
        readers.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false));
        readers.send(TestReaders.registered(reader, "13", "/documents/" + UUID.randomUUID(), false));
        readers.send(TestReaders.registered(reader, "14", "/documents/" + UUID.randomUUID(), false));

        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(3);
        assertThat(notifications.latest(reader.personId(), 2))
                .extracting(n -> n.arguments().get(0))
                .containsExactly("14", "13");
    }

    @Test
    void markingOneReadAndThenAllReadLowersTheUnreadCount() {
        Reader reader = readers.aReader("Trần Thị Hoa");
        readers.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false));
        readers.send(TestReaders.registered(reader, "13", "/documents/" + UUID.randomUUID(), false));
        readers.send(TestReaders.registered(reader, "14", "/documents/" + UUID.randomUUID(), false));
        UUID oldest = notifications.latest(reader.personId(), 10).get(2).id();

        notifications.markRead(reader.personId(), oldest);
        notifications.markRead(reader.personId(), oldest);

        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(2);
        assertThat(notifications.latest(reader.personId(), 10).get(2).unread()).isFalse();

        notifications.markAllRead(reader.personId());

        assertThat(notifications.unreadCount(reader.personId())).isZero();
        assertThat(notifications.latest(reader.personId(), 10)).noneMatch(NoticeView::unread);
    }

    @Test
    void aChangeRolledBackNotifiesNobody() {
        Reader reader = readers.aReader("Trần Thị Hoa");

        transaction.executeWithoutResult(status -> {
            notifications.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), true));
            status.setRollbackOnly();
        });

        assertThat(notifications.unreadCount(reader.personId())).isZero();
        assertThat(notifications.latest(reader.personId(), 10)).isEmpty();
    }

    @Test
    void aNoticeIsSentOnlyInsideTheCallersTransaction() {
        Reader reader = readers.aReader("Trần Thị Hoa");

        assertThatThrownBy(() -> notifications.send(
                        TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(notifications.unreadCount(reader.personId())).isZero();
    }

    @Test
    void withoutAnSmtpServerNoNoticeWaitsForAnEmail() {
        Reader reader = readers.aReaderWithEmail("Trần Thị Hoa", "hoa@snv.bacgiang.gov.vn");

        readers.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false));

        assertThat(jdbc.sql("select count(*) from notice where person_id = ? and email_due_at is not null")
                        .param(reader.personId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aNoticeLinksOnlyInsideTheApplication() {
        UUID person = UUID.randomUUID();
        for (String link : List.of("https://example.org/", "//example.org/x", "/\\example.org", "documents/1")) {
            assertThatThrownBy(() -> new Notice(person, "handling.assigned", "k", List.of(), link, false))
                    .as(link)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Notice(person, "Handling Assigned", "k", List.of(), "/", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
