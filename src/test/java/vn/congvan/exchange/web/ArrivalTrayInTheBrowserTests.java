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
import vn.congvan.InTheBrowser;
import vn.congvan.TestProvince;
import vn.congvan.exchange.edxml.Conformance;
import vn.congvan.shared.Role;

/**
 * The clerk's tray of electronic arrivals in Chromium, on a desk and on a phone, holding a package
 * another vendor sent without a signed PDF and addressed to another organ: both warnings in words,
 * no message key, its registration as such offered beside the refusal; once registered, the document
 * page and the incoming list say it has no signed PDF. Screenshots go to
 * target/screenshots/arrival-tray*.png and arrival-without-pdf*.png.
 */
@InTheBrowser
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
    void theClerkSeesWhyAnArrivalWaitsInWordsAndRegistersOneWithoutPdfOnADeskAndAPhone() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy Tây Ninh", "VPTU");
        String clerk = province.anOfficial("Văn Thư Tỉnh Ủy", Role.CLERK, unit.id());
        byte[] zippedWord = Files.readAllBytes(Conformance.edxml().resolve("third-party-edoc_new.edxml"));
        var imported = new ApiClient(port, province.tokenFor(clerk))
                .upload(
                        HttpMethod.POST,
                        "/api/v1/units/" + unit.id() + "/edxml",
                        "file",
                        new FilePart("new.edxml", zippedWord, "application/xml"));
        org.assertj.core.api.Assertions.assertThat(imported.status())
                .as(imported.body())
                .isEqualTo(202);

        for (boolean phone : new boolean[] {false, true}) {
            Page page = browser.newPage(phone);
            Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
            // The axis's old address opens its tab of the one tray.
            page.navigate("http://localhost:" + port + "/exchange/arrivals");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/arrivals\\?source=axis$"));
            assertThat(page.locator(".arrival[data-source=axis] .badge.source")).hasText("Trục liên thông");
            assertThat(page.locator("body")).containsText("Không có tệp PDF có chữ ký số");
            assertThat(page.locator("body")).containsText("Gói tin gửi đến cơ quan khác (000.00.01.A53)");
            assertThat(page.locator("body")).not().containsText("exchange.");
            // Nothing to read, but it can be registered as such or refused.
            assertThat(page.locator("a[href$='/file']")).hasCount(0);
            assertThat(page.locator(".register-form button")).isVisible();
            assertThat(page.locator(".register-form button")).hasText("Vào sổ văn bản đến không có PDF ký số");
            assertThat(page.locator(".refuse-form button")).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of("target/screenshots/arrival-tray" + (phone ? "-phone" : "") + ".png")));
            page.context().close();
        }

        String documentId = null;
        for (boolean phone : new boolean[] {false, true}) {
            Page page = browser.newPage(phone);
            Browser.signIn(page, "http://localhost:" + port + "/login", clerk);
            if (documentId == null) {
                page.navigate("http://localhost:" + port + "/arrivals");
                page.click(".arrival[data-source=axis] .register-form button");
                // Registered, the clerk is on the incoming document, ready for its next step.
                assertThat(page).hasURL(java.util.regex.Pattern.compile("/documents/[0-9a-f-]{36}$"));
                page.navigate("http://localhost:" + port + "/arrivals");
                assertThat(page.locator(".arrival[data-source=axis]")).hasCount(0);
                documentId = jdbc.sql("select incoming_document_id from electronic_arrival where id = ?")
                        .param(java.util.UUID.fromString((String) imported.get("id")))
                        .query(String.class)
                        .single();
            }
            page.navigate("http://localhost:" + port + "/incoming");
            assertThat(page.locator("tr:has(a[href='/documents/" + documentId + "']) .no-signed-pdf"))
                    .hasText("Không có bản PDF ký số");
            page.navigate("http://localhost:" + port + "/documents/" + documentId);
            assertThat(page.locator("p.no-signed-pdf").first()).containsText("Không có bản PDF ký số");
            assertThat(page.locator("#signing .no-signed-pdf"))
                    .hasText("Văn bản không có bản PDF có chữ ký số: không có chữ ký nào để kiểm tra.");
            assertThat(page.locator("#signing [data-verdict]")).hasCount(1);
            assertThat(page.locator("iframe.preview")).hasCount(0);
            // The arrival time in Vietnam time, as the tray gave it, not the database's UTC.
            java.time.Instant arrived = jdbc.sql("select arrival_date from document where id = ?::uuid")
                    .param(documentId)
                    .query(java.sql.Timestamp.class)
                    .single()
                    .toInstant();
            assertThat(page.locator("dl.meta").first())
                    .containsText(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                            .format(arrived.atZone(vn.congvan.shared.VietnamTime.ZONE)));
            assertThat(page.locator("a[href*='/files/']")).hasText("32da2890-1a55-4ccd-9ac9-cd0d98559e67.edxml");
            assertThat(page.locator("body")).not().containsText("registry.");
            assertThat(page.locator("body")).not().containsText("signing.");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of("target/screenshots/arrival-without-pdf" + (phone ? "-phone" : "") + ".png")));
            page.context().close();
        }
    }
}
