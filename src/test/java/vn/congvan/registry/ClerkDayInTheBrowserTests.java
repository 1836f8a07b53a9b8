package vn.congvan.registry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/** A clerk's day, in a real browser: sign in, register an arrival, find it, print the register. */
@InTheBrowser
@CongVanTest
class ClerkDayInTheBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @Test
    void aClerkRegistersAnArrivalFindsItWithoutDiacriticsAndPrintsTheRegister() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit ward = province.aUnit("Ủy ban nhân dân phường Dĩnh Kế", "UBND", "WARD", "COMMUNE", null);
        String clerk = province.anOfficial("Đặng Thị Thủy", Role.CLERK, ward.id());
        TestProvince.Unit city = province.aUnit("Ủy ban nhân dân thành phố Bắc Giang", "UBND");
        String cityCode = jdbc.sql("select coalesce(code, legacy_code) from unit where id = ?")
                .param(city.id())
                .query(String.class)
                .single();
        Path pdf = Files.createTempFile("quyet-dinh", ".pdf");
        Files.write(pdf, SamplePdf.withText("QUYẾT ĐỊNH", "Về việc phê duyệt kế hoạch chỉnh trang đô thị"));
        String base = "http://localhost:" + port;
        Page page = browser.newPage(false);

        Browser.signIn(page, base + "/login", clerk);
        assertThat(page.locator("h1")).containsText("Xin chào, Đặng Thị Thủy");

        page.click("nav >> text=Văn bản đến");
        page.click("text=Vào sổ văn bản đến");
        page.selectOption("#typeName", "QUYET_DINH");
        page.fill("#codeNumber", "27");
        page.fill("#codeNotation", "QĐ-UBND");
        page.fill("#issuedDate", VietnamTime.DAY.format(LocalDate.now().minusDays(1)));
        // The issuer is picked from the directory's suggestions, and its code comes with it.
        assertThat(page.locator("datalist#issuers option[value='" + city.name() + "']"))
                .hasAttribute("data-code", cityCode);
        page.fill("#organName", city.name());
        page.locator("#organName").dispatchEvent("change");
        assertThat(page.locator("#organId")).hasValue(cityCode);
        page.fill("#subject", "Về việc phê duyệt kế hoạch chỉnh trang đô thị phường Dĩnh Kế");
        page.setInputFiles("#file", pdf);
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Đã vào sổ văn bản đến, số đến 1");
        assertThat(page.locator("h1")).containsText("27/QĐ-UBND");
        assertThat(page.locator("iframe.preview")).hasCount(1);

        // The home page counts today's arrival, and its tile opens the list of exactly that.
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "home"));
        page.click("a.brand");
        assertThat(page.locator("a.tile:has-text('Văn bản đến hôm nay') .count"))
                .hasText("1");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("home-desktop.png")));
        page.click("a.tile:has-text('Văn bản đến hôm nay')");
        assertThat(page.locator("#glance")).containsText("Văn bản đến hôm nay");
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("arrived-today-desktop.png")));

        // The search box of the top bar, from any page: words without their marks, then Enter.
        page.fill("header .quicksearch input[name=q]", "chinh trang do thi dinh ke");
        page.press("header .quicksearch input[name=q]", "Enter");
        assertThat(page.locator("#q")).hasValue("chinh trang do thi dinh ke");
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list")).containsText("Về việc phê duyệt kế hoạch chỉnh trang đô thị");

        page.click("nav >> text=Sổ văn bản");
        Download download = page.waitForDownload(() -> page.locator(".card")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Sổ đăng ký văn bản đến"))
                .locator("button[value=PDF]")
                .first()
                .click());
        Path printed = download.path();
        try (PDDocument register = Loader.loadPDF(printed.toFile())) {
            String text = new PDFTextStripper().getText(register).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN")
                    .contains("27/QĐ-UBND")
                    .contains("chỉnh trang đô thị");
        }
        renderedByPoppler(printed);
    }

    @Test
    void aClerkNumbersAndIssuesALetterFromTheForm() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit district =
                province.aUnit("Ủy ban nhân dân huyện Lục Ngạn", "UBND", "DISTRICT", "DISTRICT", null);
        province.aDivision(district.id(), "Phòng Nông nghiệp", "NN");
        String clerk = province.anOfficial("Hoàng Thị Vải", Role.CLERK, district.id());
        Path pdf = Files.createTempFile("cong-van", ".pdf");
        Files.write(pdf, SamplePdf.withText("Về việc tiêu thụ vải thiều năm 2026"));
        Page page = browser.newPage(false);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);

        page.navigate("http://localhost:" + port + "/outgoing/new");
        page.selectOption("#typeName", "CONG_VAN");
        page.selectOption(
                "#draftingDivisionId",
                new com.microsoft.playwright.options.SelectOption().setLabel("Phòng Nông nghiệp (NN)"));
        page.fill("#subject", "Về việc tiêu thụ vải thiều năm 2026");
        page.selectOption("#signerAuthority", "KT");
        page.fill("#signerPosition", "Phó Chủ tịch");
        page.fill("#otherRecipients", "Sở Công Thương");
        page.setInputFiles("#file", pdf);
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Đã cấp số 01/UBND-NN");
        assertThat(page.locator("dl.meta")).containsText("KT. Phó Chủ tịch");
        assertThat(page.locator("dl.meta")).containsText("Sở Công Thương");

        page.navigate("http://localhost:" + port + "/registers");
        page.fill("#register-name", "Sổ quyết định");
        page.selectOption("#register-types", "QUYET_DINH");
        page.click("#open-register button.primary");
        assertThat(page.locator(".card h2")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Sổ quyết định")))
                .hasCount(1);
    }

    @Test
    void aClerkAddressesALetterByTypingPartOfTheRecipientsNameWithoutMarksOnADeskAndOnAPhone() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit district =
                province.aUnit("Ủy ban nhân dân huyện Tân Yên", "UBND", "DISTRICT", "DISTRICT", null);
        TestProvince.Unit commune =
                province.aUnit("Ủy ban nhân dân xã Phúc Sơn", "UBND", "COMMUNE", "COMMUNE", district.id());
        String clerk = province.anOfficial("Giáp Thị Văn Thư", Role.CLERK, district.id());
        Path pdf = Files.createTempFile("cong-van", ".pdf");
        Files.write(pdf, SamplePdf.withText("Về việc kiểm tra công tác văn thư năm 2026"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "registry"));
        String box = "#recipients input[name=recipientUnitIds][value='" + commune.id() + "']";

        Page phone = browser.newPage(true);
        Browser.signIn(phone, "http://localhost:" + port + "/login", clerk);
        phone.navigate("http://localhost:" + port + "/outgoing/new");
        phone.fill("#recipients .picker-search", "phuc son");
        assertThat(phone.locator(box)).isVisible();
        phone.locator(box).check();
        assertThat(phone.locator("#recipients .picker-count")).hasText("Đã chọn 1 nơi nhận");
        phone.locator("#recipients").scrollIntoViewIfNeeded();
        phone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("outgoing-recipients-phone.png")));
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone")
                .isTrue();

        Page page = browser.newPage(false);
        page.setViewportSize(1280, 900);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.navigate("http://localhost:" + port + "/outgoing/new");
        page.fill("#subject", "Về việc kiểm tra công tác văn thư năm 2026");
        page.fill("#signerPosition", "Chủ tịch");
        // Words without their marks, in any order: the groups narrow to what matches, opened.
        page.fill("#recipients .picker-search", "son phuc");
        assertThat(page.locator(box)).isVisible();
        assertThat(page.locator("#recipients details.picker-group[data-group=PROVINCE]"))
                .isHidden();
        page.locator(box).check();
        assertThat(page.locator("#recipients .picker-count")).hasText("Đã chọn 1 nơi nhận");
        page.locator("#recipients").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("outgoing-recipients-desktop.png")));
        org.assertj.core.api.Assertions.assertThat(vn.congvan.Accessibility.seriousViolations(page))
                .isEmpty();
        page.setInputFiles("#file", pdf);
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Đã cấp số 01/UBND");
        assertThat(page.locator("dl.meta")).containsText("Ủy ban nhân dân xã Phúc Sơn");
        assertThat(jdbc.sql("select r.unit_id from document_recipient r join document d on d.id = r.document_id"
                                + " where d.unit_id = ?")
                        .param(district.id())
                        .query(java.util.UUID.class)
                        .list())
                .containsExactly(commune.id());
    }

    @Test
    void theClerkFollowsTheArrivalsByTheirTabsOnADeskAndOnAPhone() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit department = province.aUnit("Sở Giáo dục và Đào tạo", "SGDĐT");
        String clerk = province.anOfficial("Ngô Thị Văn Thư", Role.CLERK, department.id());
        vn.congvan.ApiClient clerkApi = new vn.congvan.ApiClient(port, province.tokenFor(clerk));
        vn.congvan.ApiClient director = new vn.congvan.ApiClient(
                port, province.tokenFor(province.anOfficial("Thân Văn Giám Đốc", Role.LEADER, department.id())));
        String specialist = province.anOfficial("Hà Thị Chuyên Viên", Role.SPECIALIST, department.id());
        LocalDate today = LocalDate.now(vn.congvan.shared.VietnamTime.ZONE);
        vn.congvan.handling.ArrivingLetters.registered(
                clerkApi, department.id(), "Về việc tổ chức kỳ thi tuyển sinh vào lớp 10 năm học 2026-2027", 1);
        vn.congvan.handling.ArrivingLetters.dueBy(
                clerkApi, department.id(), "Về việc báo cáo số liệu học sinh bỏ học", today.minusDays(1));
        vn.congvan.handling.ArrivingLetters.dueBy(
                clerkApi, department.id(), "Về việc rà soát đội ngũ giáo viên mầm non", today.plusDays(12));
        String assigned = vn.congvan.handling.ArrivingLetters.registered(
                clerkApi, department.id(), "Về việc triển khai chuyển đổi số trong trường học", 0);
        LocalDate deadline = today.plusDays(14);
        while (deadline.getDayOfWeek().getValue() > 5) {
            deadline = deadline.plusDays(1);
        }
        var answer = director.postJson(
                "/api/v1/documents/" + assigned + "/handling/assignment",
                java.util.Map.of("leadId", province.personId(specialist), "deadline", deadline.toString()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "registry"));

        Page page = browser.newPage(false);
        page.setViewportSize(1280, 800);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.click("nav >> text=Văn bản đến");
        assertThat(page.locator("#list-tabs a[aria-current=page]")).hasText("Tất cả (4)");
        assertThat(page.locator("#list-tabs a.late")).hasText("Quá hạn (1)");
        page.screenshot(
                new Page.ScreenshotOptions().setFullPage(true).setPath(shots.resolve("incoming-tabs-desktop.png")));
        page.click("#list-tabs a[data-tab=not-assigned]");
        assertThat(page.locator("#list-tabs a[aria-current=page]")).hasText("Chưa giao (2)");
        assertThat(page.locator("table.list tbody tr")).hasCount(2);
        org.assertj.core.api.Assertions.assertThat(vn.congvan.Accessibility.seriousViolations(page))
                .isEmpty();

        Page phone = browser.newPage(true);
        Browser.signIn(phone, "http://localhost:" + port + "/login", clerk);
        phone.navigate("http://localhost:" + port + "/incoming");
        phone.click("#list-tabs a[data-tab=overdue]");
        assertThat(phone.locator("#list-tabs a[aria-current=page]")).hasText("Quá hạn (1)");
        assertThat(phone.locator("table.list tbody tr td.late")).hasCount(1);
        phone.screenshot(
                new Page.ScreenshotOptions().setFullPage(true).setPath(shots.resolve("incoming-tabs-phone.png")));
        phone.navigate("http://localhost:" + port + "/incoming");
        phone.locator("#list-tabs").scrollIntoViewIfNeeded();
        phone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("incoming-tabs-phone-all.png")));
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone")
                .isTrue();
    }

    @Test
    void onAPhoneTheMenuFoldsAndTheListStillReads() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Tăng Tiến", "UBND", "COMMUNE", "COMMUNE", null);
        String clerk = province.anOfficial("Nguyễn Văn Tiến", Role.CLERK, commune.id());
        Page page = browser.newPage(true);

        Browser.signIn(page, "http://localhost:" + port + "/login?lang=vi", clerk);
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "home"));
        assertThat(page.locator("a.tile:has-text('Văn bản đến hạn trong 7 ngày')"))
                .not()
                .hasClass("tile urgent");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("home-phone.png")));
        page.click("a.tile:has-text('Văn bản đến hôm nay')");
        assertThat(page.locator("#glance")).containsText("Văn bản đến hôm nay");
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("arrived-today-phone.png")));

        assertThat(page.locator("nav.mainnav")).isHidden();
        page.click("label.nav-toggle-label");
        assertThat(page.locator("nav.mainnav")).isVisible();
        page.click("nav >> text=Văn bản đến");
        assertThat(page.locator("h1")).hasText("Văn bản đến");
    }

    /** poppler's pdftoppm, an independent reader, renders the printed register's first page. */
    private static void renderedByPoppler(Path pdf) throws Exception {
        Path out = Files.createTempDirectory("register-png");
        Process render = new ProcessBuilder(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        pdf.toString(),
                        out.resolve("page").toString())
                .redirectErrorStream(true)
                .start();
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue())
                .as(new String(render.getInputStream().readAllBytes()))
                .isZero();
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).findFirst())
                    .isPresent();
        }
    }
}
