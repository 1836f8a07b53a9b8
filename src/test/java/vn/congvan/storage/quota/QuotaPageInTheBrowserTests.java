package vn.congvan.storage.quota;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
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
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * The administrator sets a unit's storage quota on the quotas page (two clicks from any page), the
 * unit's clerk then sees the upload widget refuse a file past it with the reason, and an emptied
 * quota is gone again; looked at on a desktop and a 390×844 phone.
 */
@InTheBrowser
@CongVanTest
class QuotaPageInTheBrowserTests {

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
    void aQuotaSetOnThePageStopsTheUnitsNextUploadAndAnEmptiedOneIsGone() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        String mark = UUID.randomUUID().toString().substring(0, 8);
        TestProvince.Unit department = province.aUnit("Sở Quy hoạch - Kiến trúc " + mark, "SQHKT");
        String clerk = province.anOfficial("Trịnh Thị Lưu Trữ", Role.CLERK, department.id());
        String administrator = province.anOfficial("Phan Văn Quản Trị", Role.ADMINISTRATOR, department.id());
        Path dir = Files.createDirectories(Path.of("target", "screenshots", "quotas"));

        Page admin = browser.newPage(false);
        Browser.signIn(admin, "http://localhost:" + port + "/login", administrator);
        admin.click("nav >> text=Hạn mức lưu trữ");
        assertThat(admin.locator("h1")).hasText("Hạn mức lưu trữ của các đơn vị");
        // Among the province's units, the administrator finds the department by its name, typed
        // without marks as on a keyboard without a Vietnamese input method.
        admin.fill("#q", "quy hoach - kien truc " + mark);
        admin.click("form[role=search] button");
        assertThat(admin.locator("table.quotas tbody tr")).hasCount(1);
        Locator row = admin.locator("#unit-" + department.id());
        row.locator("input[name=gigabytes]").fill("0,001");
        row.locator("button").click();
        assertThat(admin.locator("#step-done")).hasText("Đã lưu hạn mức.");
        assertThat(admin.locator("#unit-" + department.id() + " input[name=gigabytes]"))
                .hasValue("0,001");
        // Back on the same filtered list.
        assertThat(admin.locator("#q")).hasValue("quy hoach - kien truc " + mark);
        assertThat(admin.locator("table.quotas tbody tr")).hasCount(1);
        admin.locator("#unit-" + department.id()).scrollIntoViewIfNeeded();
        admin.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("quotas-desktop.png")));
        assertThat(jdbc.sql("select quota_bytes from storage_unit_quota where unit_id = ?")
                        .param(department.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1_000_000L);

        Page phone = browser.newPage(true);
        Browser.signIn(phone, "http://localhost:" + port + "/login", administrator);
        phone.navigate("http://localhost:" + port + "/storage/quotas#unit-" + department.id());
        phone.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("quotas-phone.png")));

        Path plan = dir.resolve("Bản vẽ quy hoạch phân khu.zip");
        byte[] bytes = new byte[2 * 1000 * 1000];
        new Random(7).nextBytes(bytes);
        Files.write(plan, bytes);
        Page clerkPage = browser.newPage(false);
        Browser.signIn(clerkPage, "http://localhost:" + port + "/login", clerk);
        clerkPage.navigate("http://localhost:" + port + "/incoming/new");
        clerkPage.setInputFiles("#attachments", plan);
        assertThat(clerkPage.locator("li.upload[data-state=refused]")).containsText("vượt quá phần còn lại");
        // Trying again would be refused again: only removing the file is offered.
        assertThat(clerkPage.locator("li.upload[data-state=refused] button")).hasText("Bỏ tệp");
        clerkPage.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve("upload-past-quota.png"))
                .setFullPage(true));

        admin.fill("#q", "Không có đơn vị này " + mark);
        admin.click("form[role=search] button");
        assertThat(admin.locator("#no-unit")).containsText("Không có đơn vị nào có tên chứa");
        admin.fill("#q", "Sở Quy hoạch - Kiến trúc " + mark);
        admin.click("form[role=search] button");
        row = admin.locator("#unit-" + department.id());
        row.locator("input[name=gigabytes]").fill("");
        row.locator("button").click();
        assertThat(admin.locator("#step-done")).hasText("Đã lưu hạn mức.");
        assertThat(jdbc.sql("select count(*) from storage_unit_quota where unit_id = ?")
                        .param(department.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
