package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.Accessibility;
import vn.congvan.ApiClient;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.TestProvince;
import vn.congvan.handling.ArrivingLetters;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.ProvinceRecords.Seal;

/**
 * The statistics pages in a real browser: the provincial monitor's dashboard, the ranking with its
 * chart, then the documents behind a figure; a district IT officer's usage scores of its officials.
 */
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

    @Test
    void theDistrictsItOfficerOpensTheUsageScoresFromTheMenuOnADeskAndAPhoneAndDownloadsThem() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        UUID root = province.aUnit("UBND tỉnh Điểm Sử Dụng", "UBND", "PROVINCIAL_COMMITTEE", "PROVINCE", null)
                .id();
        UUID district = province.aUnit("Ủy ban nhân dân huyện Hữu Lũng Thử", "UBND", "DISTRICT", "DISTRICT", root)
                .id();
        UUID commune = province.aUnit("Ủy ban nhân dân xã Minh Sơn Thử", "UBND", "COMMUNE", "COMMUNE", district)
                .id();
        UUID otherCommune = province.aUnit("Ủy ban nhân dân xã Yên Bình Thử", "UBND", "COMMUNE", "COMMUNE", district)
                .id();
        String itOfficer = province.anOfficial("Hoàng Văn Tin Học", Role.IT_OFFICER, district);
        province.anOfficial("Nguyễn Văn Huyện", Role.LEADER, district);
        String clerk = province.anOfficial("Lương Thị Văn Thư", Role.CLERK, commune);
        String chairman = province.anOfficial("Vi Văn Chủ Tịch Xã", Role.LEADER, commune);
        String handler = province.anOfficial("Hà Thị Chuyên Viên Xã", Role.SPECIALIST, commune);
        province.anOfficial("Chu Văn Địa Chính", Role.SPECIALIST, otherCommune);
        province.anOfficial("Lăng Thị Văn Thư", Role.CLERK, otherCommune);
        jdbc.sql("update membership set position_title = 'Chủ tịch UBND xã' where person_id = ? and role = 'LEADER'")
                .param(province.personId(chairman))
                .update();
        ApiClient registering = new ApiClient(port, province.tokenFor(clerk));
        ApiClient assigning = new ApiClient(port, province.tokenFor(chairman));
        for (String subject : List.of("Về việc tập huấn chữ ký số", "Về việc rà soát hồ sơ công việc")) {
            String letter = ArrivingLetters.registered(registering, commune, subject, 0);
            var assigned = assigning.postJson(
                    "/api/v1/documents/" + letter + "/handling/assignment",
                    Map.of("leadId", province.personId(handler)));
            assertThat(assigned.status()).as(assigned.body()).isBetween(200, 201);
        }
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "statistics"));
        String base = "http://localhost:" + port;

        try (Browser browser = new Browser()) {
            Page desk = browser.newPage(false);
            Browser.signIn(desk, base + "/login", itOfficer);
            desk.click("nav.mainnav a:has-text('Điểm sử dụng')");
            desk.waitForURL("**/statistics/units/" + district + "/usage");
            int quarter = (YearMonth.now(VietnamTime.ZONE).getMonthValue() + 2) / 3;
            assertThat(desk.locator("select[name=period] option:checked").textContent())
                    .isEqualTo("Quý " + quarter + "/"
                            + YearMonth.now(VietnamTime.ZONE).getYear() + " (đến hôm nay)");
            List<String> names =
                    desk.locator("table.usage tbody th.name > span:first-child").allTextContents();
            assertThat(names).hasSize(7).startsWith("Lương Thị Văn Thư", "Vi Văn Chủ Tịch Xã");
            assertThat(desk.locator("table.usage tbody tr").first().textContent())
                    .contains("4,00");
            desk.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("usage-desktop.png"))
                    .setFullPage(true));
            assertThat(Accessibility.seriousViolations(desk)).isEmpty();

            Download xlsx = desk.waitForDownload(() -> desk.click("#usage-xlsx"));
            assertThat(xlsx.suggestedFilename()).startsWith("diem-su-dung-").endsWith(".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
                Sheet sheet = workbook.getSheetAt(0);
                List<String> inSheet = new ArrayList<>();
                for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                    inSheet.add(sheet.getRow(r).getCell(2).getStringCellValue());
                }
                assertThat(inSheet).isEqualTo(names);
                assertThat(sheet.getRow(5).getCell(10).getNumericCellValue()).isEqualTo(4);
            }

            Page phone = browser.newPage(true);
            Browser.signIn(phone, base + "/login", itOfficer);
            phone.click("label.nav-toggle-label");
            phone.click("nav.mainnav a:has-text('Điểm sử dụng')");
            phone.waitForURL("**/statistics/units/" + district + "/usage");
            assertThat(phone.locator("table.usage tbody tr").first().textContent())
                    .contains("Lương Thị Văn Thư");
            // Each official is a card as wide as the phone: nothing to scroll sideways.
            assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .isTrue();
            phone.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("usage-phone.png"))
                    .setFullPage(true));
            assertThat(Accessibility.seriousViolations(phone)).isEmpty();
        }
    }
}
