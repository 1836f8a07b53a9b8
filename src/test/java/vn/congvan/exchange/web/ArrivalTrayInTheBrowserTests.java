package vn.congvan.exchange.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.exchange.Conformance;
import vn.congvan.shared.Role;

/**
 * The clerk's tray of electronic arrivals in Chromium, on a desk and on a phone, holding a package
 * another vendor sent without a signed PDF and addressed to another organ: both warnings in words,
 * no message key, and only the refusal offered. Screenshots go to target/screenshots/arrival-tray*.png.
 */
@CongVanTest
class ArrivalTrayInTheBrowserTests {

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
    void theClerkSeesWhyAnArrivalWaitsInWordsOnADeskAndAPhone() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy Tây Ninh", "VPTU");
        String clerk = province.anOfficial("Văn Thư Tỉnh Ủy", Role.CLERK, unit.id());
        byte[] zippedWord = Files.readAllBytes(Conformance.edxml().resolve("third-party-edoc_new.edxml"));
        var imported = new ApiClient(port, province.tokenFor(clerk)).upload(HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml", "file", new FilePart("new.edxml", zippedWord, "application/xml"));
        org.assertj.core.api.Assertions.assertThat(imported.status()).as(imported.body()).isEqualTo(202);

        for (boolean phone : new boolean[] {false, true}) {
            Page page = browser.newPage(phone);
            page.navigate("http://localhost:" + port + "/login");
            page.fill("#username", clerk);
            page.fill("#password", TestDatabaseInitializer.DEMO_PASSWORD);
            page.click("button[type=submit]");
            page.navigate("http://localhost:" + port + "/exchange/arrivals");
            assertThat(page.locator("body")).containsText("Không có tệp PDF có chữ ký số");
            assertThat(page.locator("body")).containsText("Gói tin gửi đến cơ quan khác (000.00.01.A53)");
            assertThat(page.locator("body")).not().containsText("exchange.");
            // Nothing to read or register: the clerk is offered only the refusal.
            assertThat(page.locator(".register-form")).hasCount(0);
            assertThat(page.locator(".refuse-form button")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target/screenshots/arrival-tray" + (phone ? "-phone" : "") + ".png")));
            page.context().close();
        }
    }
}
