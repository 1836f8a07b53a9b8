package vn.congvan.exchange.axis;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.Browser;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.exchange.AxisOutbox;
import vn.congvan.exchange.AxisPackageKind;
import vn.congvan.exchange.OutboxState;
import vn.congvan.exchange.OutgoingPackage;
import vn.congvan.exchange.hub.HubTest;
import vn.congvan.shared.Role;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

@HubTest
class AxisConsolePageTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AxisOutbox outbox;

    @Autowired
    Blobs blobs;

    @Test
    void theItOfficerSeesAPackageTheHubRefusedAndQueuesItAgain() throws Exception {
        String documentId = "000.00.00.H10,2026/12/01," + UUID.randomUUID().toString().substring(0, 8) + "/UBND";
        StoredBlob blob = blobs.store(new ByteArrayInputStream(documentId.getBytes(StandardCharsets.UTF_8)));
        UUID id = outbox.enqueue(new OutgoingPackage(AxisPackageKind.DOCUMENT, documentId, blob.sha256(), blob.size(),
                List.of("000.00.00.G22"), null));
        jdbc.sql("update axis_outbox set state = 'FAILED', last_error = '422 exchange.hub.unknown-recipient' where id = ?")
                .param(id).update();
        HttpClient browser = signedIn(Role.ADMINISTRATOR);

        HttpResponse<String> page = get(browser, "/exchange/axis");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bảng điều khiển liên thông", "Bị trục từ chối", documentId,
                "422 exchange.hub.unknown-recipient", "Gửi lại");

        HttpResponse<String> retried = post(browser, "/exchange/axis/outbox/" + id + "/retry", csrf(page.body()));

        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
        // Refused again whenever it is sent: out of the queue for the other tests.
        jdbc.sql("update axis_outbox set state = 'FAILED' where id = ?").param(id).update();
    }

    @Test
    void theItOfficerSeesWhyAReceivedPackageReachedNoClerksTrayOnADeskAndAPhone() throws Exception {
        String documentId = "000.00.99.G99,2026/12/01," + UUID.randomUUID().toString().substring(0, 8) + "/BTP";
        String reason = "Gửi tới 000.00.77.H98: không đơn vị nào của hệ thống có mã định danh này, gói tin không vào"
                + " sổ chờ của ai.";
        StoredBlob blob = blobs.store(new ByteArrayInputStream(documentId.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("""
                        insert into axis_inbox (id, hub_id, kind, document_id, business_type, from_organ_id, sha256,
                          size, state, reason, received_at) values (?, ?, 'DOCUMENT', ?, 0, '000.00.99.G99', ?, ?,
                          'RECEIVED', ?, now())""")
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), documentId, blob.sha256(), blob.size(), reason)
                .update();
        TestProvince province = new TestProvince(jdbc, encoder, HubTest.Settings.PORT);
        String officer = province.anOfficial("Quản Trị Liên Thông", Role.ADMINISTRATOR,
                province.aUnit("Sở Thông tin và Truyền thông", "STTTT").id());

        try (Browser browser = new Browser()) {
            for (boolean phone : new boolean[] {false, true}) {
                Page page = browser.newPage(phone);
                page.navigate(url("/login").toString());
                page.fill("#username", officer);
                page.fill("#password", TestDatabaseInitializer.DEMO_PASSWORD);
                page.click("button[type=submit]");
                page.navigate(url("/exchange/axis").toString());
                Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(documentId));
                PlaywrightAssertions.assertThat(row).containsText("Đã nhận");
                PlaywrightAssertions.assertThat(row.locator(".badge.urgent")).hasText(reason);
                row.scrollIntoViewIfNeeded();
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target/screenshots/axis-console" + (phone ? "-phone" : "") + ".png")));
                page.context().close();
            }
        }
    }

    @Test
    void theSynchronizeButtonSynchronizesTheDirectoryAndThePageSaysHowItWent() throws Exception {
        HttpClient browser = signedIn(Role.ADMINISTRATOR);
        HttpResponse<String> page = get(browser, "/exchange/axis");

        HttpResponse<String> synced = post(browser, "/exchange/axis/sync", csrf(page.body()));

        assertThat(synced.statusCode()).isEqualTo(302);
        assertThat(get(browser, "/exchange/axis").body()).contains("Đồng bộ danh bạ lúc", "đã công bố");
    }

    @Test
    void anOfficialWhoIsNotAnAdministratorIsRefusedTheConsole() throws Exception {
        assertThat(get(signedIn(Role.CLERK), "/exchange/axis").statusCode()).isEqualTo(403);
    }

    private HttpClient signedIn(Role role) throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, HubTest.Settings.PORT);
        String username = province.anOfficial("Cán bộ CNTT", role, province.aUnit("Sở Thông tin", "STTTT").id());
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = "username=" + encoded(username) + "&password=" + encoded(TestDatabaseInitializer.DEMO_PASSWORD);
        HttpResponse<String> signIn = post(browser, "/login", csrf(get(browser, "/login").body()), form);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private static String csrf(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Accept-Language", "vi").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(HttpClient browser, String path, String csrf) throws Exception {
        return post(browser, path, csrf, "");
    }

    private HttpResponse<String> post(HttpClient browser, String path, String csrf, String form) throws Exception {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encoded(csrf);
        return browser.send(HttpRequest.newBuilder(url(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + HubTest.Settings.PORT + path);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
