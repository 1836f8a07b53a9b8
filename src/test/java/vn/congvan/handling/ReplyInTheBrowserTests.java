package vn.congvan.handling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.Accessibility;
import vn.congvan.ApiClient;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * From an incoming document handled to its reply submitted for approval, in two clicks: "complete and
 * draft the reply", then "save and submit", the sender ticked and the route shown in between.
 */
@InTheBrowser
@CongVanTest
class ReplyInTheBrowserTests {

    static Browser browser;

    /** Counted as the whole day counts them. */
    final vn.congvan.Clicks clicks = new vn.congvan.Clicks();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser();
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @Test
    void aSpecialistCompletesTheHandlingAndSubmitsTheReplyInTwoClicks() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        String suffix = Long.toString(System.nanoTime() % 100_000);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân huyện Việt Yên " + suffix, "UBND");
        var culture = province.aDivision(committee.id(), "Phòng Văn hóa và Thông tin", "VHTT");
        ApiClient clerk = api(province, province.anOfficial("Đặng Thị Văn Thư", Role.CLERK, committee.id()));
        ApiClient chairman = api(province, province.anOfficial("Nguyễn Văn Thắng", Role.LEADER, committee.id()));
        province.anOfficialOfDivision("Lê Văn Trưởng Phòng", Role.DIVISION_HEAD, committee.id(), culture);
        String specialist =
                province.anOfficialOfDivision("Phạm Thị Chuyên Viên", Role.SPECIALIST, committee.id(), culture);
        TestProvince.Unit department = province.aUnit("Sở Văn hóa, Thể thao và Du lịch tỉnh " + suffix, "SVHTTDL");
        String incoming = ArrivingLetters.fromTheDepartment(clerk, committee.id(), null, department.name());
        var assigned = chairman.postJson(
                "/api/v1/documents/" + incoming + "/handling/assignment",
                Map.of("leadId", province.personId(specialist)));
        org.assertj.core.api.Assertions.assertThat(assigned.status())
                .as(assigned.body())
                .isEqualTo(200);

        Path shots = Files.createDirectories(Path.of("target", "screenshots", "drafts"));
        Page handset = signIn(specialist, true);
        handset.navigate("http://localhost:" + port + "/documents/" + incoming);
        handset.locator("#complete-form")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(shots.resolve("complete-and-reply-phone.png")));
        handset.context().close();
        Page page = signIn(specialist, false);
        page.navigate("http://localhost:" + port + "/documents/" + incoming);
        page.fill("#complete-form textarea", "Trả lời bằng báo cáo của UBND huyện");
        page.locator("#complete-form")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(shots.resolve("complete-and-reply-desktop.png")));
        page.click("#complete-and-reply");

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/drafts/new\\?replyTo=" + incoming));
        assertThat(page.locator("#step-done")).containsText("Đã hoàn thành xử lý");
        assertThat(page.locator("#reply-to")).containsText("số 112/SVHTTDL-VP ngày");
        assertThat(page.locator("#recipients input[value='" + department.id() + "']"))
                .isChecked();
        assertThat(page.locator("#recipients .picker-count")).hasText("Đã chọn 1 nơi nhận");
        // The route is shown before anything is submitted, and follows the division chosen.
        assertThat(page.locator("#planned-route-preview .route-option:visible li"))
                .hasCount(2);
        assertThat(page.locator("#planned-route-preview .route-option:visible li")
                        .first())
                .containsText("Lê Văn Trưởng Phòng");
        page.selectOption("#divisionId", "");
        assertThat(page.locator("#planned-route-preview .route-option:visible li"))
                .hasCount(1);
        page.selectOption("#divisionId", culture.toString());
        assertThat(page.locator("#planned-route-preview .route-option:visible li"))
                .hasCount(2);
        page.selectOption("#typeName", "BAO_CAO");
        page.fill("#subject", "Báo cáo công tác tổ chức lễ hội năm 2026");
        page.setViewportSize(1280, 800);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("reply-form-desktop.png"))
                .setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page))
                .as("the reply's form, for axe-core")
                .isEmpty();
        String form = page.url();
        Page phone = signIn(specialist, true);
        phone.navigate(form);
        assertThat(phone.locator("#recipients input[value='" + department.id() + "']"))
                .isChecked();
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("reply-form-phone.png"))
                .setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(
                        (Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone")
                .isTrue();
        phone.context().close();

        Path pdf = Files.createTempFile("congvan-reply-", ".pdf");
        Files.write(pdf, SamplePdf.withText("BÁO CÁO", "Công tác tổ chức lễ hội năm 2026"));
        page.setInputFiles("#file", pdf);
        page.click("#save-and-submit");

        assertThat(page.locator("#draft"))
                .hasAttribute(
                        "data-state",
                        "SUBMITTED",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                                .setTimeout(120_000));
        assertThat(page.locator(".approver")).hasText("Lê Văn Trưởng Phòng");
        assertThat(page.locator("#step-done")).containsText("Đã lưu dự thảo và trình duyệt");
        page.context().close();
        org.assertj.core.api.Assertions.assertThat(clicks.count())
                .as("complete and draft the reply, then save and submit")
                .isEqualTo(2);
    }

    private ApiClient api(TestProvince province, String username) {
        return new ApiClient(port, province.tokenFor(username));
    }

    private Page signIn(String username, boolean phone) {
        Page page = browser.newPage(phone);
        Browser.signIn(page, "http://localhost:" + port + "/login", username);
        assertThat(page.locator("h1")).containsText("Xin chào");
        return clicks.countedOn(page);
    }
}
