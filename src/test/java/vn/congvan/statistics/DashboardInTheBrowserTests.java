package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.statistics.ProvinceRecords.Seal;

/** The provincial monitor's dashboard in a real browser: the ranking with its chart, then the documents behind a figure. */
@InTheBrowser
@CongVanTest
class DashboardInTheBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theMonitorSeesTheRankingDrawnAndOpensTheDocumentsBehindAFigure() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        UUID root = province.aUnit("UBND tỉnh Bảng Điều Khiển", "UBND", "PROVINCIAL_COMMITTEE", "PROVINCE", null)
                .id();
        UUID health =
                province.aUnit("Sở Y tế Thử", "SYT", "AGENCY", "PROVINCE", root).id();
        ProvinceRecords records = new ProvinceRecords(
                jdbc, events, transaction, province.personId(province.anOfficial("Văn Thư", Role.CLERK, health)));
        YearMonth month = YearMonth.now().minusMonths(1);
        records.anOutgoing(health, month.atDay(2))
                .signedWith(Seal.PERSONAL, Seal.ORGANIZATION)
                .register();
        records.anOutgoing(health, month.atDay(3)).signedWith(Seal.PERSONAL).register();
        records.awaitFigures();
        String monitor = province.anOfficial("Giám Sát Tỉnh", Role.PROVINCIAL_MONITOR, root);

        try (Browser browser = new Browser()) {
            Page page = browser.newPage(true);
            Browser.signIn(page, "http://localhost:" + port + "/login", monitor);
            // Opened without a period, the page shows this month so far, named in words.
            page.navigate("http://localhost:" + port + "/statistics?within=" + root);
            YearMonth now = YearMonth.now(vn.congvan.shared.VietnamTime.ZONE);
            assertThat(page.locator("select[name=period] option:checked").textContent())
                    .isEqualTo("Tháng " + now.getMonthValue() + "/" + now.getYear() + " (đến hôm nay)");
            java.nio.file.Path shots =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots", "statistics"));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("dashboard-phone.png")));
            page.selectOption("select[name=period]", month.toString());
            page.click("form button[type=submit]:has-text('Xem')");
            assertThat(page.locator("select[name=period] option:checked").textContent())
                    .isEqualTo("Tháng " + month.getMonthValue() + "/" + month.getYear());

            assertThat(page.locator("table.ranking tbody tr").first().textContent())
                    .contains("Sở Y tế Thử")
                    .contains("1 / 2")
                    .contains("50.0%");
            page.waitForSelector("canvas[data-drawn=true]");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("dashboard-month-phone.png"))
                    .setFullPage(true));
            Page desk = browser.newPage(false);
            Browser.signIn(desk, "http://localhost:" + port + "/login", monitor);
            desk.navigate(page.url());
            desk.waitForSelector("canvas[data-drawn=true]");
            desk.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("dashboard-month-desktop.png"))
                    .setFullPage(true));

            page.click("table.ranking a:has-text('Sở Y tế Thử')");
            // The figure's link opens its documents in place once htmx has taken the page (its script
            // is deferred); a click before that follows the link to the documents' own page instead.
            page.waitForLoadState(LoadState.LOAD);
            page.click("table.figures tr:has-text('Có cả hai chữ ký số') a.figure");
            page.waitForSelector("#behind .behind");
            assertThat(page.locator("#behind").textContent())
                    .contains("Tổng cộng 1")
                    .contains("Văn bản số");
        }
    }
}
