package vn.congvan.handling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * The clerk registers an arrival and presents it to a leader in one step, on a desk and on a phone;
 * the leader finds the sender's due date proposed as deadline. Screenshots in
 * target/screenshots/registry/incoming-form-present*.png and
 * target/screenshots/handling/assign-form-proposed-deadline*.png.
 */
@InTheBrowser
@CongVanTest
class PresentingAtRegistrationInTheBrowserTests {

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
    void aClerkOfTwoUnitsRegistersAndPresentsInOneStepAndTheLeaderFindsTheDueDateProposed() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit trade = province.aUnit("Sở Công Thương", "SCT");
        TestProvince.Unit parks = province.aUnit("Ban Quản lý các khu công nghiệp", "BQL");
        String clerk = province.anOfficial("Lý Thị Văn Thư", Role.CLERK, trade.id());
        province.grant(clerk, Role.CLERK, parks.id());
        String director = province.anOfficial("Đinh Văn Giám Đốc", Role.LEADER, trade.id());
        titled(director, "Giám đốc");
        String deputy = province.anOfficial("Mai Thị Phó Giám Đốc", Role.DEPUTY_LEADER, trade.id());
        titled(deputy, "Phó Giám đốc");
        String parksHead = province.anOfficial("Tạ Văn Trưởng Ban", Role.LEADER, parks.id());
        UUID directorId = province.personId(director);
        LocalDate due = LocalDate.parse(IncomingHandlingTests.aWorkingDayAfter(7));
        Path pdf = Files.createTempFile("cong-van", ".pdf");
        Files.write(pdf, SamplePdf.withText("CÔNG VĂN", "Về việc kiểm tra an toàn điện"));
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "registry"));
        String base = "http://localhost:" + port;

        for (boolean phone : new boolean[] {false, true}) {
            Page page = browser.newPage(phone);
            Browser.signIn(page, base + "/login", clerk);
            page.navigate(base + "/incoming/new");

            // The form opens on the clerk's first unit: only its leader may be chosen, and nobody is.
            assertThat(page.locator("#unitId")).hasValue(parks.id().toString());
            assertThat(page.locator("#presentTo")).hasValue("");
            assertThat(page.locator("#presentTo optgroup[data-option-of='" + trade.id() + "']"))
                    .hasAttribute("hidden", "");
            assertThat(page.locator("#presentTo optgroup[data-option-of='" + parks.id() + "']"))
                    .not()
                    .hasAttribute("hidden", "");
            page.selectOption("#presentTo", province.personId(parksHead).toString());
            // Another unit chosen: its leaders come, the one chosen for the first unit goes.
            page.selectOption("#unitId", trade.id().toString());
            assertThat(page.locator("#presentTo")).hasValue("");
            assertThat(page.locator("#presentTo optgroup[data-option-of='" + parks.id() + "']"))
                    .hasAttribute("hidden", "");

            page.selectOption("#typeName", "CONG_VAN");
            page.fill("#codeNumber", phone ? "412" : "411");
            page.fill("#codeNotation", "UBND-KT");
            page.fill(
                    "#issuedDate",
                    VietnamTime.DAY.format(LocalDate.now(VietnamTime.ZONE).minusDays(1)));
            page.fill("#organName", "Ủy ban nhân dân tỉnh Bắc Giang");
            page.fill("#subject", "Về việc kiểm tra an toàn điện tại các khu công nghiệp");
            page.fill("#dueDate", VietnamTime.DAY.format(due));
            page.setInputFiles("#file", pdf);
            page.selectOption("#presentTo", directorId.toString());
            assertThat(page.locator("#presentTo option:checked")).hasText("Đinh Văn Giám Đốc · Giám đốc");
            assertThat(page.locator("#incoming-form li.upload[data-state=done]"))
                    .hasCount(1);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(shots.resolve("incoming-form-present" + (phone ? "-phone" : "") + ".png")));
            // A secret document is not presented as it is registered: the form says so by the field
            // and keeps what was typed, the file included.
            page.selectOption("#confidentiality", "1");
            page.click("#incoming-form button.primary[type=submit]");
            assertThat(page.locator("#presentTo ~ .field-error"))
                    .hasText("Văn bản mật chỉ trình lãnh đạo đã được cho phép đọc: hãy vào sổ, cho phép đọc rồi"
                            + " trình trên trang văn bản.");
            assertThat(page.locator("#presentTo")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#subject")).hasValue("Về việc kiểm tra an toàn điện tại các khu công nghiệp");
            assertThat(page.locator("#presentTo")).hasValue(directorId.toString());
            assertThat(page.locator("#unitId")).hasValue(trade.id().toString());
            assertThat(page.locator("#incoming-form input[type=hidden][name=fileUploadId]"))
                    .hasCount(1);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(shots.resolve("incoming-form-present-refused" + (phone ? "-phone" : "") + ".png")));

            page.selectOption("#confidentiality", "0");
            page.click("#incoming-form button.primary[type=submit]");

            assertThat(page.locator("#handling[data-state=PRESENTED]")).isVisible();
            assertThat(page.locator("#handling")).containsText("Đinh Văn Giám Đốc");
            String documentPage = page.url();
            page.context().close();

            Page leader = browser.newPage(phone);
            Browser.signIn(leader, base + "/login", director);
            leader.navigate(documentPage);
            assertThat(leader.locator("#assign-form input[name=deadline]")).hasValue(VietnamTime.DAY.format(due));
            assertThat(leader.locator("#assign-form select[name=leadId]")).hasValue("");
            assertThat(leader.locator("#assign-form .proposed-deadline")).isVisible();
            leader.locator("#assign-form")
                    .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(Files.createDirectories(Path.of("target", "screenshots", "handling"))
                                    .resolve("assign-form-proposed-deadline" + (phone ? "-phone" : "") + ".png")));
            leader.context().close();
        }
    }

    private void titled(String username, String title) {
        jdbc.sql(
                        "update membership set position_title = ? where person_id = (select id from person where username = ?)")
                .params(title, username)
                .update();
    }
}
