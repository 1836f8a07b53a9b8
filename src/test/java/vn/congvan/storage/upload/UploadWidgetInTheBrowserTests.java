package vn.congvan.storage.upload;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * The upload widget in a real browser, on the official tus JavaScript client: a clerk's large
 * attachment goes up in pieces with its progress shown, the page is reloaded half-way, the same
 * file chosen again resumes where the server stood, and the arrival is registered with it.
 */
@InTheBrowser
@CongVanTest
class UploadWidgetInTheBrowserTests {

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
    void anAttachmentUploadedHalfWayBeforeAReloadResumesThereAndIsRegistered() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit department = province.aUnit("Sở Tài nguyên và Môi trường", "STNMT");
        String clerk = province.anOfficial("Ngô Thị Hồ Sơ", Role.CLERK, department.id());
        Path dir = Files.createDirectories(Path.of("target", "screenshots", "uploads"));
        Path pdf = dir.resolve("to-trinh.pdf");
        Files.write(pdf, SamplePdf.withText("TỜ TRÌNH", "Về việc thẩm định báo cáo đánh giá tác động môi trường"));
        byte[] survey = new byte[20 * 1024 * 1024 + 321];
        new Random(20).nextBytes(survey);
        Path surveyFile = dir.resolve("Báo cáo ĐTM khu công nghiệp.zip");
        Files.write(surveyFile, survey);

        Page page = browser.newPage(false);
        // Past the first piece (16 MB) nothing gets through until the page is reloaded: a line that drops.
        AtomicBoolean lineUp = new AtomicBoolean(false);
        List<String> offsetsSent = new CopyOnWriteArrayList<>();
        page.route("**/api/v1/uploads/**", route -> {
            var request = route.request();
            if (request.method().equals("PATCH")) {
                String offset = request.headerValue("upload-offset");
                offsetsSent.add(offset);
                if (!"0".equals(offset) && !lineUp.get()) {
                    route.abort("connectionreset");
                    return;
                }
            }
            route.resume();
        });
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.navigate("http://localhost:" + port + "/incoming/new");
        page.setInputFiles("#attachments", surveyFile);
        assertThat(page.locator(".upload progress")).hasCount(1);
        long deadline = System.nanoTime() + 60_000_000_000L;
        long held = 0;
        while (held < 16L * 1024 * 1024 && System.nanoTime() < deadline) {
            // Playwright calls the route above only while the test is in one of its calls.
            page.waitForTimeout(200);
            held = jdbc.sql("select coalesce(max(upload_offset), 0) from file_upload where file_name = ?")
                    .param(surveyFile.getFileName().toString())
                    .query(Long.class)
                    .single();
        }
        assertThat(held).isEqualTo(16L * 1024 * 1024);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve("line-dropped.png"))
                .setFullPage(true));

        lineUp.set(true);
        page.reload();
        page.selectOption("#typeName", "TO_TRINH");
        page.fill("#codeNumber", "45");
        page.fill("#codeNotation", "TTr-BQL");
        page.fill("#issuedDate", VietnamTime.DAY.format(LocalDate.now().minusDays(1)));
        page.fill("#organName", "Ban quản lý các khu công nghiệp tỉnh");
        page.fill("#subject", "Về việc thẩm định báo cáo đánh giá tác động môi trường");
        page.setInputFiles("#file", pdf);
        page.setInputFiles("#attachments", surveyFile);
        assertThat(page.locator(".upload[data-state=done]")).hasCount(2);
        assertThat(page.locator(".uploads").nth(1)).containsText("Đã tải lên");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve("uploaded.png"))
                .setFullPage(true));
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Đã vào sổ văn bản đến");
        assertThat(page.locator("body")).containsText("Báo cáo ĐTM khu công nghiệp.zip");
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(survey));
        assertThat(jdbc.sql("select count(*) from document_file where sha256 = ?")
                        .param(sha256)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // Resumed where the server stood: no second PATCH of the whole file from its first byte.
        assertThat(offsetsSent.stream().filter("0"::equals).count()).isEqualTo(2);
        assertThat(offsetsSent).contains(Long.toString(16L * 1024 * 1024));
    }

    @Test
    void aFormThatComesBackKeepsItsUploadsWhichTheClerkCanReplaceOrRemove() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit department = province.aUnit("Sở Nông nghiệp và Môi trường", "SNNMT");
        String clerk = province.anOfficial("Đỗ Thị Giữ", Role.CLERK, department.id());
        Path dir = Files.createDirectories(Path.of("target", "screenshots", "uploads"));
        Path wrong = dir.resolve("nham-tep.pdf");
        Files.write(wrong, SamplePdf.withText("TỆP CHỌN NHẦM"));
        Path right = dir.resolve("cong-van-dung.pdf");
        Files.write(right, SamplePdf.withText("CÔNG VĂN", "Về việc phòng chống hạn hán"));
        Path annex = dir.resolve("phu-luc-khong-can.pdf");
        Files.write(annex, SamplePdf.withText("PHỤ LỤC"));

        Page page = browser.newPage(false);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.navigate("http://localhost:" + port + "/incoming/new");
        page.selectOption("#typeName", "CONG_VAN");
        page.fill("#codeNumber", "77");
        page.fill("#codeNotation", "SNNMT-TL");
        page.fill("#issuedDate", VietnamTime.DAY.format(LocalDate.now().plusDays(3)));
        page.fill("#organName", "Sở Nông nghiệp và Môi trường");
        page.fill("#subject", "Về việc phòng chống hạn hán");
        page.setInputFiles("#file", wrong);
        page.setInputFiles("#attachments", annex);
        assertThat(page.locator(".upload[data-state=done]")).hasCount(2);
        page.click("button.primary[type=submit]");

        // The date is in the future: the form comes back with both uploads kept, each removable.
        assertThat(page.locator(".alert.error")).isVisible();
        assertThat(page.locator(".upload[data-state=done]")).hasCount(2);
        assertThat(page.locator(".upload[data-state=done] button")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve("form-came-back.png"))
                .setFullPage(true));
        page.fill("#issuedDate", VietnamTime.DAY.format(LocalDate.now().minusDays(1)));
        page.locator(".upload", new Page.LocatorOptions().setHasText("phu-luc-khong-can.pdf"))
                .locator("button")
                .click();
        page.locator(".upload", new Page.LocatorOptions().setHasText("nham-tep.pdf"))
                .locator("button")
                .click();
        page.setInputFiles("#file", right);
        assertThat(page.locator(".upload[data-state=done]")).hasCount(1);
        page.click("button.primary[type=submit]");

        assertThat(page.locator(".alert.info")).containsText("Đã vào sổ văn bản đến");
        assertThat(page.locator("body")).containsText("cong-van-dung.pdf");
        assertThat(page.locator("body")).not().containsText("nham-tep.pdf");
        assertThat(page.locator("body")).not().containsText("phu-luc-khong-can.pdf");
    }

    @Test
    void onAPhoneTheWidgetShowsProgressAndFitsTheScreen() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Tân Sơn", "UBND");
        String clerk = province.anOfficial("Lý Thị Xã", Role.CLERK, commune.id());
        Path dir = Files.createDirectories(Path.of("target", "screenshots", "uploads"));
        Path pdf = dir.resolve("Kế hoạch phòng chống thiên tai năm 2027.pdf");
        Files.write(pdf, SamplePdf.withText("KẾ HOẠCH"));
        Page page = browser.newPage(true);
        Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
        page.navigate("http://localhost:" + port + "/incoming/new");

        page.setInputFiles("#file", pdf);

        assertThat(page.locator(".upload[data-state=done]")).hasCount(1);
        assertThat(page.locator(".upload-name")).hasText("Kế hoạch phòng chống thiên tai năm 2027.pdf");
        double width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
        assertThat(width).isLessThanOrEqualTo(390);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(dir.resolve("phone.png")).setFullPage(true));
    }
}
