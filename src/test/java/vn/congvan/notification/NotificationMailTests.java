package vn.congvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.FreePort;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.notification.TestReaders.Reader;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/** Notices e-mailed through a real SMTP server (GreenMail) on a loopback port, which a test stops and starts. */
@CongVanTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotificationMailTests {

    static final int SMTP_PORT = FreePort.onLoopback();
    static GreenMail smtp;

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
    NoticeMailer mailer;

    TestReaders readers;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("congvan.notification.mail-from", () -> "congvan@bacgiang.gov.vn");
        properties.add("congvan.notification.base-url", () -> "https://congvan.bacgiang.gov.vn/");
        properties.add("congvan.notification.mail-retry", () -> "PT0.3S");
    }

    @BeforeAll
    static void startTheSmtpServer() {
        smtp = started();
    }

    @AfterAll
    static void stopTheSmtpServer() {
        smtp.stop();
    }

    @BeforeEach
    void readers() {
        readers = new TestReaders(context, port);
    }

    @Test
    void aNoticeIsEmailedInVietnameseWithAnAbsoluteLink() throws Exception {
        Reader reader = readers.aReaderWithEmail("Nguyễn Thị Lan", address());
        UUID document = UUID.randomUUID();

        readers.send(TestReaders.registered(reader, "12", "/documents/" + document, true));

        MimeMessage mail = theOnlyMailTo(reader);
        assertThat(mail.getSubject()).isEqualTo("[CôngVăn] [Khẩn] Đã vào sổ văn bản đến, số đến 12.");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("congvan@bacgiang.gov.vn");
        assertThat((String) mail.getContent())
                .contains("Kính gửi Nguyễn Thị Lan,")
                .contains("Đã vào sổ văn bản đến, số đến 12.")
                .contains("Xem chi tiết: https://congvan.bacgiang.gov.vn/documents/" + document)
                .contains("Thư này do hệ thống CôngVăn gửi tự động");
        UUID notice = notifications.latest(reader.personId(), 1).get(0).id();
        assertThat(mail.getHeader("X-CongVan-Notice")).containsExactly(notice.toString());
        assertThat(outbox(reader))
                .containsEntry("email_due_at", null)
                .containsEntry("email_attempts", 1)
                .extractingByKey("email_sent_at")
                .isNotNull();
        assertThat(notifications.unreadCount(reader.personId()))
                .as("still unread in CongVan")
                .isEqualTo(1);
    }

    @Test
    void noEmailLeavesBeforeTheTransactionCommits() throws Exception {
        Reader reader = readers.aReaderWithEmail("Nguyễn Thị Lan", address());

        transaction.executeWithoutResult(status -> {
            notifications.send(TestReaders.registered(reader, "13", "/documents/" + UUID.randomUUID(), false));
            mailerRounds(3); // the mailer runs meanwhile, as its schedule would
            assertThat(mailsTo(reader)).isEmpty();
        });

        assertThat(theOnlyMailTo(reader).getSubject()).isEqualTo("[CôngVăn] Đã vào sổ văn bản đến, số đến 13.");
    }

    @Test
    void aChangeRolledBackEmailsNobody() {
        Reader reader = readers.aReaderWithEmail("Nguyễn Thị Lan", address());

        transaction.executeWithoutResult(status -> {
            notifications.send(TestReaders.registered(reader, "14", "/documents/" + UUID.randomUUID(), false));
            status.setRollbackOnly();
        });
        mailerRounds(3);

        assertThat(mailsTo(reader)).isEmpty();
    }

    @Test
    void aReminderSentTwiceIsEmailedOnce() throws Exception {
        Reader reader = readers.aReaderWithEmail("Nguyễn Thị Lan", address());
        String link = "/documents/" + UUID.randomUUID();
        readers.send(TestReaders.registered(reader, "15", link, false));
        theOnlyMailTo(reader);

        readers.send(TestReaders.registered(reader, "15", link, false));
        mailerRounds(3);

        assertThat(mailsTo(reader)).hasSize(1);
    }

    @Test
    void whileTheSmtpServerIsDownTheNoticeWaitsAndIsEmailedOnceWhenItIsBack() throws Exception {
        Reader reader = readers.aReaderWithEmail("Nguyễn Thị Lan", address());
        smtp.stop();
        try {
            readers.send(TestReaders.registered(reader, "16", "/documents/" + UUID.randomUUID(), false));

            waitUntil(() -> ((Number) outbox(reader).get("email_attempts")).intValue() >= 2);
            Map<String, Object> waiting = outbox(reader);
            assertThat(waiting.get("email_sent_at")).isNull();
            assertThat(waiting.get("email_due_at")).as("still due").isNotNull();
            assertThat(waiting.get("email_error")).isNotNull();
        } finally {
            smtp = started();
        }

        assertThat(theOnlyMailTo(reader).getSubject()).isEqualTo("[CôngVăn] Đã vào sổ văn bản đến, số đến 16.");
        mailerRounds(3);
        assertThat(mailsTo(reader)).hasSize(1);
        assertThat(outbox(reader))
                .containsEntry("email_due_at", null)
                .containsEntry("email_error", null)
                .extractingByKey("email_sent_at")
                .isNotNull();
    }

    @Test
    void aLineBreakInANoticeAddsNoHeaderToTheEmail() throws Exception {
        Reader reader = readers.aReaderWithEmail("Nguyễn Thị Lan", address());

        readers.send(TestReaders.registered(
                reader, "18\r\nBcc: ngoai@example.org", "/documents/" + UUID.randomUUID(), false));

        MimeMessage mail = theOnlyMailTo(reader);
        assertThat(mail.getSubject()).isEqualTo("[CôngVăn] Đã vào sổ văn bản đến, số đến 18 Bcc: ngoai@example.org.");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(recipients(mail)).hasSize(1);
    }

    @Test
    void anOfficialWithoutAnAddressHasTheNoticeButNoEmail() {
        Reader reader = readers.aReader("Hoàng Văn Bình");

        readers.send(TestReaders.registered(reader, "17", "/documents/" + UUID.randomUUID(), false));

        waitUntil(() -> outbox(reader).get("email_due_at") == null);
        assertThat(outbox(reader)).containsEntry("email_error", "no-address").containsEntry("email_sent_at", null);
        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);
    }

    @Test
    void aNoticeOfADocumentTheReaderMayNotReadWhenTheMailLeavesIsNotEmailed() {
        Reader reader = readers.aReaderWithEmail("Lý Văn Ngoài", address());
        TestProvince.Unit elsewhere = readers.province().aUnit("Sở Quốc phòng", "SQP");
        ApiClient theirClerk = new ApiClient(
                port,
                readers.province()
                        .tokenFor(readers.province().anOfficial("Văn Thư Sở Khác", Role.CLERK, elsewhere.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", elsewhere.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", "77");
        m.put("codeNotation", "BCH-TM");
        m.put("issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString());
        m.put("organName", "Bộ Chỉ huy quân sự tỉnh");
        m.put("subject", "Về kế hoạch huấn luyện dự bị động viên");
        m.put("confidentiality", 1);
        var registered = theirClerk.multipart(
                "/api/v1/documents/incoming",
                m,
                FilePart.pdf("mat.pdf", SamplePdf.withText("CÔNG VĂN MẬT")),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        readers.send(TestReaders.registered(reader, "19", "/documents/" + registered.get("id"), true));

        waitUntil(() -> outbox(reader).get("email_due_at") == null);
        assertThat(outbox(reader)).containsEntry("email_error", "unreadable").containsEntry("email_sent_at", null);
        assertThat(mailsTo(reader)).isEmpty();
    }

    private MimeMessage theOnlyMailTo(Reader reader) {
        waitUntil(() -> !mailsTo(reader).isEmpty());
        List<MimeMessage> mails = mailsTo(reader);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<MimeMessage> mailsTo(Reader reader) {
        String address = jdbc.sql("select email from person where id = ?")
                .param(reader.personId())
                .query(String.class)
                .single();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private Map<String, Object> outbox(Reader reader) {
        return jdbc.sql(
                        "select email_due_at, email_attempts, email_sent_at, email_error from notice where person_id = ?")
                .param(reader.personId())
                .query()
                .singleRow();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address() {
        return "lan." + UUID.randomUUID().toString().substring(0, 8) + "@snv.bacgiang.gov.vn";
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Runs the mailer as its schedule would until the condition holds, 15 s at most. */
    private void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            mailerRounds(1);
            assertThat(System.nanoTime()).as("waited 15 s in vain").isLessThan(deadline);
            pause(Duration.ofMillis(100));
        }
    }

    /**
     * Rounds of the mailer, each on a thread of its own as the scheduler's, never inside the test's
     * transaction: what the mailer sees is what is committed.
     */
    private void mailerRounds(int rounds) {
        for (int i = 0; i < rounds; i++) {
            CompletableFuture.runAsync(mailer::sendDue).join();
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
