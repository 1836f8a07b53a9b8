package vn.congvan.platform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * CongVan as an app on a phone's home screen: a manifest with its icons, and a service worker that
 * keeps the last "my work" page readable when the line drops, says so, shows a page of its own for
 * anything else, and forgets what it kept when the official signs out.
 */
@InTheBrowser
@CongVanTest
class AppOnAPhoneInTheBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theLastLoadedWorkStaysReadableOfflineAndGoesAtSignOut() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Nội vụ Thử Ngoại Tuyến", "SNV");
        String leader = province.anOfficial("Trần Văn Di Động", Role.LEADER, unit.id());
        String base = "http://localhost:" + port;
        Path shots = java.nio.file.Files.createDirectories(Path.of("target", "screenshots", "app"));

        try (Browser browser = new Browser()) {
            Page phone = browser.newPage(true);
            Browser.signIn(phone, base + "/login", leader);

            APIResponse manifest = phone.request().get(base + "/manifest.webmanifest");
            assertThat(manifest.status()).isEqualTo(200);
            JsonNode app = JsonMapper.builder().build().readTree(manifest.text());
            assertThat(app.get("short_name").asString()).isEqualTo("CôngVăn");
            assertThat(app.get("display").asString()).isEqualTo("standalone");
            for (JsonNode icon : app.get("icons")) {
                APIResponse image = phone.request().get(base + icon.get("src").asString());
                assertThat(image.status()).as(icon.toString()).isEqualTo(200);
                assertThat(image.headers().get("content-type"))
                        .isEqualTo(icon.get("type").asString());
            }
            assertThat(phone.locator("link[rel=manifest]")).hasAttribute("href", "/manifest.webmanifest");

            phone.navigate(base + "/my-work");
            phone.waitForFunction("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null");
            // Loaded through the worker now: kept.
            phone.navigate(base + "/my-work");
            String heading = phone.locator("main h1").innerText();
            assertThat(phone.locator("#offline-banner")).isHidden();

            phone.context().setOffline(true);
            phone.navigate(base + "/my-work");
            assertThat(phone.locator("main h1")).hasText(heading);
            assertThat(phone.locator("#offline-banner")).isVisible();
            assertThat(phone.locator("#offline-banner")).containsText("Mất kết nối mạng");
            phone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("my-work-offline-phone.png")));

            phone.navigate(base + "/documents/" + UUID.randomUUID());
            assertThat(phone.locator("#offline h1")).hasText("Không có kết nối mạng");
            assertThat(phone.locator("body")).not().containsText("Trần Văn Di Động");
            phone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("offline-phone.png")));

            phone.context().setOffline(false);
            phone.navigate(base + "/my-work");
            phone.locator("form[action='/logout'] button").click();
            assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
            phone.context().setOffline(true);
            // What was kept of the official who signed out is gone: the offline page, not their work.
            phone.navigate(base + "/my-work");
            assertThat(phone.locator("#offline h1")).hasText("Không có kết nối mạng");
        }
    }
}
