package vn.congvan.exchange.axis;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.Browser;
import vn.congvan.InTheBrowser;
import vn.congvan.SignedInBrowser;
import vn.congvan.TestProvince;
import vn.congvan.exchange.hub.HubTest;
import vn.congvan.shared.Role;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

@InTheBrowser
@HubTest
class AxisConsolePageTests {

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
        String documentId =
                "000.00.00.H10,2026/12/01," + UUID.randomUUID().toString().substring(0, 8) + "/UBND";
        StoredBlob blob = blobs.store(new ByteArrayInputStream(documentId.getBytes(StandardCharsets.UTF_8)));
        UUID id = outbox.enqueue(new OutgoingPackage(
                AxisPackageKind.DOCUMENT, documentId, blob.sha256(), blob.size(), List.of("000.00.00.G22"), null));
        jdbc.sql(
                        "update axis_outbox set state = 'FAILED', last_error = '422 exchange.hub.unknown-recipient' where id = ?")
                .param(id)
                .update();
        SignedInBrowser browser = signedIn(Role.ADMINISTRATOR);

        HttpResponse<String> page = browser.get("/exchange/axis");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Bảng điều khiển liên thông",
                        "Bị trục từ chối",
                        documentId,
                        "422 exchange.hub.unknown-recipient",
                        "Gửi lại");

        HttpResponse<String> retried = browser.postForm("/exchange/axis", "/exchange/axis/outbox/" + id + "/retry", "");

        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
        // Refused again whenever it is sent: out of the queue for the other tests.
        jdbc.sql("update axis_outbox set state = 'FAILED' where id = ?")
                .param(id)
                .update();
    }

    @Test
    void theItOfficerSeesWhyAReceivedPackageReachedNoClerksTrayOnADeskAndAPhone() throws Exception {
        String documentId =
                "000.00.99.G99,2026/12/01," + UUID.randomUUID().toString().substring(0, 8) + "/BTP";
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
        String officer = province.anOfficial(
                "Quản Trị Liên Thông",
                Role.ADMINISTRATOR,
                province.aUnit("Sở Thông tin và Truyền thông", "STTTT").id());

        try (Browser browser = new Browser()) {
            for (boolean phone : new boolean[] {false, true}) {
                Page page = browser.newPage(phone);
                Browser.signIn(page, url("/login").toString(), officer);
                page.navigate(url("/exchange/axis").toString());
                Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(documentId));
                PlaywrightAssertions.assertThat(row).containsText("Đã nhận");
                PlaywrightAssertions.assertThat(row.locator(".badge.urgent")).hasText(reason);
                row.scrollIntoViewIfNeeded();
                page.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(Path.of("target/screenshots/axis-console" + (phone ? "-phone" : "") + ".png")));
                page.context().close();
            }
        }
    }

    @Test
    void theSynchronizeButtonSynchronizesTheDirectoryAndThePageSaysHowItWent() throws Exception {
        SignedInBrowser browser = signedIn(Role.ADMINISTRATOR);

        HttpResponse<String> synced = browser.postForm("/exchange/axis", "/exchange/axis/sync", "");

        assertThat(synced.statusCode()).isEqualTo(302);
        assertThat(browser.get("/exchange/axis").body()).contains("Đồng bộ danh bạ lúc", "đã công bố");
    }

    @Test
    void anOfficialWhoIsNotAnAdministratorIsRefusedTheConsole() throws Exception {
        assertThat(signedIn(Role.CLERK).get("/exchange/axis").statusCode()).isEqualTo(403);
    }

    private SignedInBrowser signedIn(Role role) {
        TestProvince province = new TestProvince(jdbc, encoder, HubTest.Settings.PORT);
        String username = province.anOfficial(
                "Cán bộ CNTT", role, province.aUnit("Sở Thông tin", "STTTT").id());
        return SignedInBrowser.as(HubTest.Settings.PORT, username);
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + HubTest.Settings.PORT + path);
    }
}
