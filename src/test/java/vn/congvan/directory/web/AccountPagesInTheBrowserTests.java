package vn.congvan.directory.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
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
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * The account pages as an official and the administrator use them in Chromium, on a desk and on
 * a phone: changing one's password, and resetting and disabling another's account. Screenshots
 * go to target/screenshots/account-*.png.
 */
@InTheBrowser
@CongVanTest
class AccountPagesInTheBrowserTests {

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
    void anOfficialChangesTheirPasswordFromTheTopBarAndSignsInWithTheNewOne() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Khoa học và Công nghệ", "SKHCN");
        String specialist = province.anOfficial("Đinh Thị Chuyên Viên", Role.SPECIALIST, unit.id());

        for (boolean phone : new boolean[] {false, true}) {
            Page page = signIn(specialist, TestDatabaseInitializer.DEMO_PASSWORD, phone);
            page.navigate("http://localhost:" + port + "/account/password");
            page.fill("#currentPassword", TestDatabaseInitializer.DEMO_PASSWORD);
            page.fill("#newPassword", "ngan");
            page.screenshot(shot("account-password" + (phone ? "-phone" : "")));
            page.close();
        }

        Page page = signIn(specialist, TestDatabaseInitializer.DEMO_PASSWORD, false);
        page.click("a[href='/account/password']");
        page.fill("#currentPassword", TestDatabaseInitializer.DEMO_PASSWORD);
        page.fill("#newPassword", "Mat-khau moi 2027 cua So");
        page.click("form[action='/account/password'] button[type=submit]");
        page.screenshot(shot("account-password-changed"));

        Page again = signIn(specialist, "Mat-khau moi 2027 cua So", false);
        assertThat(again).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }

    @Test
    void theAdministratorResetsAPasswordSeesItOnceAndDisablesTheAccount() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Thông tin và Truyền thông", "STTTT");
        String administrator = province.anOfficial("Quản Trị Viên", Role.ADMINISTRATOR, unit.id());
        String clerk = province.anOfficial("Mai Thị Văn Thư", Role.CLERK, unit.id());
        String personPage = "http://localhost:" + port + "/directory/people/" + province.personId(clerk);

        Page page = signIn(administrator, TestDatabaseInitializer.DEMO_PASSWORD, false);
        page.navigate(personPage);
        page.screenshot(shot("account-person"));
        // The page asks first (window.confirm answered in the page): a no changes nothing.
        answerConfirm(page, false);
        page.click("form[action$='/password-reset'] button");
        assertThat(page.locator("body")).not().containsText("chỉ hiển thị một lần");
        org.assertj.core.api.Assertions.assertThat(
                        page.evaluate("() => window.asked[0]").toString())
                .startsWith("Cấp lại mật khẩu cho Mai Thị Văn Thư?");
        answerConfirm(page, true);
        page.click("form[action$='/password-reset'] button");
        assertThat(page.locator("body")).containsText("chỉ hiển thị một lần");
        page.screenshot(shot("account-person-reset"));
        page.navigate(personPage);
        answerConfirm(page, true);
        page.click("form[action$='/disable'] button");
        assertThat(page.locator("form[action$='/enable'] button")).isVisible();
        page.screenshot(shot("account-person-disabled"));

        Page phone = signIn(administrator, TestDatabaseInitializer.DEMO_PASSWORD, true);
        phone.navigate(personPage);
        phone.screenshot(shot("account-person-phone"));

        // What was done is in the trail, in words, the account linked: on a desk and on a phone.
        page.navigate("http://localhost:" + port + "/audit?group=DIRECTORY");
        assertThat(page.locator("#audit-filters select[name=group]")).hasValue("DIRECTORY");
        assertThat(page.locator("td span.action").first())
                .not()
                .hasText(java.util.regex.Pattern.compile("^directory\\."));
        assertThat(page.locator("td a.subject[href='" + personPage.replaceAll("^https?://[^/]+", "") + "']")
                        .first())
                .hasText("Người dùng");
        page.screenshot(shot("audit-directory"));
        phone.navigate(page.url());
        phone.screenshot(shot("audit-directory-phone"));

        Page refused = signIn(clerk, TestDatabaseInitializer.DEMO_PASSWORD, false);
        assertThat(refused).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }

    private Page signIn(String username, String password, boolean phone) {
        Page page = browser.newPage(phone);
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        return page;
    }

    private static Page.ScreenshotOptions shot(String name) {
        return new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/" + name + ".png"));
    }

    /** Answers the page's next questions with {@code yes}, keeping them in {@code window.asked}. */
    private static void answerConfirm(Page page, boolean yes) {
        page.evaluate(
                "yes => { window.asked = window.asked || []; window.confirm = q => { window.asked.push(q); return yes; }; }",
                yes);
    }
}
