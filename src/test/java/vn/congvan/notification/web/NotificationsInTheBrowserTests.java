package vn.congvan.notification.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.notification.Notifications;
import vn.congvan.notification.TestReaders;
import vn.congvan.notification.TestReaders.Reader;
import vn.congvan.shared.VietnamTime;

/** An official follows the bell to their notices in a real browser and marks them read. */
@InTheBrowser
@CongVanTest
class NotificationsInTheBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    TestReaders readers;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @BeforeEach
    void readers() {
        readers = new TestReaders(context, port);
    }

    Page signedIn(Reader reader, boolean phone) {
        Page page = browser.newPage(phone);
        Browser.signIn(page, "http://localhost:" + port + "/login?lang=vi", reader.username());
        return page;
    }

    @Test
    void theBellCountsUnreadNoticesAndThePageListsThemToMarkRead() {
        Reader reader = readers.aReader("Nguyễn Thị Lan");
        UUID document = UUID.randomUUID();
        readers.send(TestReaders.registered(reader, "12", "/documents/" + document, true));
        readers.send(TestReaders.registered(reader, "13", "/documents/" + UUID.randomUUID(), false));
        Page page = signedIn(reader, false);

        assertThat(page.locator("#bell .bell-count")).hasText("2");
        page.click("#bell");

        assertThat(page.locator("h1")).hasText("Thông báo");
        Locator urgent = page.locator("li.notice", new Page.LocatorOptions().setHasText("số đến 12."));
        assertThat(urgent.locator(".badge.urgent")).hasText("Khẩn");
        assertThat(urgent.locator("a")).hasText("Đã vào sổ văn bản đến, số đến 12.");
        assertThat(urgent.locator("a")).hasAttribute("href", "/documents/" + document);
        assertThat(urgent.locator("time")).hasText(vietnamTimeOf(reader, "12"));
        Locator other = page.locator("li.notice", new Page.LocatorOptions().setHasText("số đến 13."));
        assertThat(other.locator(".badge.urgent")).hasCount(0);

        urgent.locator("button.mark-read").click();

        assertThat(urgent).hasClass(java.util.regex.Pattern.compile("\\bread\\b"));
        assertThat(urgent.locator(".read-badge")).hasText("Đã đọc");
        assertThat(page.locator("#bell .bell-count")).hasText("1");
        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);

        page.click("#mark-all-read");

        assertThat(page.locator("button.mark-read")).hasCount(0);
        assertThat(page.locator("#bell .bell-count")).hasCount(0);
        assertThat(notifications.unreadCount(reader.personId())).isZero();
    }

    @Test
    void theBellPicksUpANoticeThatArrivesWhileThePageIsOpen() {
        Reader reader = readers.aReader("Nguyễn Thị Lan");
        Page page = signedIn(reader, false);
        assertThat(page.locator("h1")).hasText("Xin chào, Nguyễn Thị Lan");
        page.waitForLoadState();
        assertThat(page.locator("#bell .bell-count")).hasCount(0);

        readers.send(TestReaders.registered(reader, "21", "/documents/" + UUID.randomUUID(), false));
        // What the 30-second poll does, without waiting for it.
        page.evaluate("htmx.trigger('#bell', 'notices-changed')");

        assertThat(page.locator("#bell .bell-count")).hasText("1");
    }

    @Test
    void onAPhoneTheBellAndTheNoticesFitTheScreen() {
        Reader reader = readers.aReader("Nguyễn Thị Lan");
        readers.send(TestReaders.registered(reader, "31", "/documents/" + UUID.randomUUID(), true));
        Page page = signedIn(reader, true);

        assertThat(page.locator("#bell .bell-count")).hasText("1");
        page.click("#bell");

        assertThat(page.locator("li.notice a")).hasText("Đã vào sổ văn bản đến, số đến 31.");
        assertThat(page.locator("button.mark-read")).isVisible();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
    }

    @Test
    void inEnglishThePageSpeaksEnglish() {
        Reader reader = readers.aReader("Nguyễn Thị Lan");
        readers.send(TestReaders.registered(reader, "41", "/documents/" + UUID.randomUUID(), true));
        Page page = signedIn(reader, false);

        page.navigate("http://localhost:" + port + "/notifications?lang=en");

        assertThat(page.locator("h1")).hasText("Notices");
        assertThat(page.locator("li.notice a")).hasText("Registered as incoming document no. 41.");
        assertThat(page.locator(".badge.urgent")).hasText("Urgent");
        assertThat(page.locator("button.mark-read")).hasText("Mark read");
    }

    private String vietnamTimeOf(Reader reader, String arrivalNumber) {
        OffsetDateTime at = jdbc.sql("select notified_at from notice where person_id = ? and arguments[1] = ?")
                .params(reader.personId(), arrivalNumber)
                .query(OffsetDateTime.class)
                .single();
        return at.atZoneSameInstant(VietnamTime.ZONE).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    }
}
