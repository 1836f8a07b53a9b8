package vn.congvan.registry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * Days are typed day first on the registration form whatever the browser's language (issue 16):
 * text fields that put the slashes in as the digits come, as on a phone's number pad.
 */
@InTheBrowser
@CongVanTest
class DaysInTheBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    String clerk;
    Path shots;
    Path pdf;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @BeforeEach
    void aCommuneClerk() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Hương Sơn", "UBND", "COMMUNE", "COMMUNE", null);
        clerk = province.anOfficial("Trương Thị Ngày", Role.CLERK, commune.id());
        shots = Files.createDirectories(Path.of("target", "screenshots", "days"));
        pdf = Files.createTempFile("cong-van", ".pdf");
        Files.write(pdf, SamplePdf.withText("CÔNG VĂN", "Về việc tổ chức hội nghị tổng kết năm"));
    }

    @Test
    void theClerkTypesTheDaysDayFirstAndTheDocumentShowsThemSo() throws Exception {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        LocalDate issued = today.minusDays(5);
        LocalDate due = today.plusDays(20);
        LocalDate arrived = today.minusDays(1);
        Page page = browser.newPage(false);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.navigate("http://localhost:" + port + "/incoming/new");
        page.selectOption("#typeName", "CONG_VAN");
        page.fill("#codeNumber", "35");
        page.fill("#codeNotation", "UBND-VP");
        page.fill("#organName", "Ủy ban nhân dân huyện Sơn Động");
        page.fill("#subject", "Về việc tổ chức hội nghị tổng kết năm");
        page.setInputFiles("#file", pdf);

        // No such day: typed digit by digit, the slashes come by themselves; the browser lets it by,
        // the server says why and keeps it.
        type(page.locator("#issuedDate"), "31022026");
        assertThat(page.locator("#issuedDate")).hasValue("31/02/2026");
        type(page.locator("#dueDate"), "13/13/2026");
        assertThat((Boolean) page.locator("#dueDate").evaluate("e => e.validity.patternMismatch"))
                .as("a thirteenth month is refused by the browser itself")
                .isTrue();
        page.fill("#dueDate", "");
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.error"))
                .containsText("Không đọc được ngày \"31/02/2026\": ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.");
        assertThat(page.locator("#issuedDate")).hasValue("31/02/2026");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("registration-refused-desktop.png"))
                .setFullPage(true));

        page.fill("#issuedDate", "");
        type(page.locator("#issuedDate"), digits(VietnamTime.DAY.format(issued)));
        String dueTyped = due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear();
        type(page.locator("#dueDate"), dueTyped);
        type(page.locator("#arrivalDate"), digits(VietnamTime.DAY.format(arrived)) + "0745");
        assertThat(page.locator("#issuedDate")).hasValue(VietnamTime.DAY.format(issued));
        assertThat(page.locator("#dueDate")).hasValue(dueTyped);
        assertThat(page.locator("#arrivalDate")).hasValue(VietnamTime.DAY.format(arrived) + " 07:45");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("registration-desktop.png"))
                .setFullPage(true));
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Đã vào sổ văn bản đến");
        assertThat(String.join("\n", page.locator("dl.meta").allInnerTexts()))
                .contains(
                        VietnamTime.DAY.format(issued),
                        VietnamTime.DAY.format(due),
                        VietnamTime.DAY.format(arrived) + " 07:45");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registered-desktop.png")));
    }

    @Test
    void onAPhoneTheDaysAreTypedOnTheNumberPadAndFitTheScreen() throws Exception {
        LocalDate issued = LocalDate.now(VietnamTime.ZONE).minusDays(2);
        Page page = browser.newPage(true);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.navigate("http://localhost:" + port + "/incoming/new");

        Locator day = page.locator("#issuedDate");
        assertThat(day).hasAttribute("type", "text");
        assertThat(day).hasAttribute("inputmode", "numeric");
        assertThat(day).hasAttribute("placeholder", "dd/mm/yyyy");
        type(day, digits(VietnamTime.DAY.format(issued)));
        assertThat(day).hasValue(VietnamTime.DAY.format(issued));
        day.scrollIntoViewIfNeeded();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone")
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registration-phone.png")));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("registration-phone-full.png"))
                .setFullPage(true));
    }

    @Test
    void theSearchTheRegistersAndMyWorkTakeTheirDaysDayFirstToo() throws Exception {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        String base = "http://localhost:" + port;
        Page page = browser.newPage(false);
        Browser.signIn(page, base + "/login", clerk);

        page.navigate(base + "/search?from=" + today.withDayOfMonth(1));
        assertThat(page.locator("#from")).hasValue(VietnamTime.DAY.format(today.withDayOfMonth(1)));
        page.fill("#from", "");
        type(page.locator("#from"), "31022026");
        page.click("form.filters button[type=submit]");
        assertThat(page.locator("#from")).hasValue("31/02/2026");
        assertThat(page.locator("#from-error")).containsText("Không đọc được ngày này");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("search-desktop.png")));

        page.navigate(base + "/registers");
        assertThat(page.locator("input[name=to]").first()).hasValue(VietnamTime.DAY.format(today));
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registers-desktop.png")));
        page.navigate(base + "/my-work");
        assertThat(page.locator("input[name=to]").first()).hasValue(VietnamTime.DAY.format(today));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("my-work-desktop.png"))
                .setFullPage(true));

        Page phone = browser.newPage(true);
        Browser.signIn(phone, base + "/login", clerk);
        phone.navigate(base + "/incoming");
        type(phone.locator("#from"), digits(VietnamTime.DAY.format(today.withDayOfMonth(1))));
        assertThat(phone.locator("#from")).hasValue(VietnamTime.DAY.format(today.withDayOfMonth(1)));
        phone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("incoming-list-phone.png")));
    }

    /** Typed key by key, as a person does, so that the page sees each digit come. */
    private static void type(Locator field, String keys) {
        field.click();
        field.pressSequentially(keys);
    }

    private static String digits(String day) {
        return day.replace("/", "");
    }
}
