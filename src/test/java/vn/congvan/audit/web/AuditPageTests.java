package vn.congvan.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongVanTest;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.shared.Role;

@CongVanTest
class AuditPageTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transaction;

    TestOfficials officials;

    @BeforeEach
    void officials() {
        officials = new TestOfficials(jdbc, encoder);
    }

    @Test
    void anAdministratorSeesTheNewestRecordsInVietnamese() throws Exception {
        String subject = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> trail.record(new AuditEntry(
                () -> "document.incoming.registered",
                "document",
                subject,
                null,
                null,
                "Văn thư Sở",
                Map.of("arrivalNumber", "9"))));
        HttpClient browser = signedIn(officials.aPersonWhoIs(Role.ADMINISTRATOR));

        HttpResponse<String> page = get(browser, "/audit", false);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Nhật ký hệ thống", "Kiểm tra tính toàn vẹn", "hx-get=\"/audit/verification\"")
                .contains("Văn thư Sở", "arrivalNumber: 9")
                .as("the action and the subject in words, the subject linked to its page")
                .contains("Vào sổ văn bản đến", "href=\"/documents/" + subject + "\"");
    }

    @Test
    void anAdministratorNarrowsTheTrailByKindOfWorkPersonAndDays() throws Exception {
        String marker = "Người Lọc " + UUID.randomUUID().toString().substring(0, 8);
        String draft = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            trail.record(new AuditEntry(() -> "draft.created", "draft", draft, null, null, marker, Map.of()));
            trail.record(new AuditEntry(
                    () -> "document.incoming.registered", "document", document, null, null, marker, Map.of()));
        });
        HttpClient browser = signedIn(officials.aPersonWhoIs(Role.ADMINISTRATOR));
        String today =
                java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE).format(vn.congvan.shared.VietnamTime.DAY);
        String name = java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);

        String drafts = get(browser, "/audit?group=DRAFTS&actor=" + name + "&from=" + today + "&to=" + today, false)
                .body();
        String yesterdayOnly = get(
                        browser,
                        "/audit?actor=" + name + "&to="
                                + java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE)
                                        .minusDays(1)
                                        .format(vn.congvan.shared.VietnamTime.DAY),
                        false)
                .body();
        String unreadable =
                get(browser, "/audit?actor=" + name + "&from=31/02/x", false).body();

        assertThat(drafts).contains("/drafts/" + draft).doesNotContain("/documents/" + document);
        assertThat(yesterdayOnly).doesNotContain(marker + "</td>");
        assertThat(unreadable)
                .contains("/drafts/" + draft, "/documents/" + document)
                .contains("Không đọc được ngày &quot;31/02/x&quot;")
                .contains("value=\"31/02/x\"");
    }

    @Test
    void theVerifyButtonShowsTheResultInPlaceWithHtmxAndOnTheWholePageWithout() throws Exception {
        transaction.executeWithoutResult(status -> trail.record(new AuditEntry(
                () -> "document.incoming.registered",
                "document",
                UUID.randomUUID().toString(),
                null,
                null,
                "Văn thư",
                Map.of())));
        HttpClient browser = signedIn(officials.aPersonWhoIs(Role.ADMINISTRATOR));

        HttpResponse<String> fragment = get(browser, "/audit/verification?lang=en", true);
        HttpResponse<String> page = get(browser, "/audit/verification", false);

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("The audit trail is intact").doesNotContain("<html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "The audit trail is intact", "Hash of the last record");
    }

    @Test
    void anOfficialWhoIsNotAnAdministratorIsRefusedThePage() throws Exception {
        HttpClient browser = signedIn(officials.aPersonWhoIs(Role.LEADER));

        assertThat(get(browser, "/audit", false).statusCode()).isEqualTo(403);
        assertThat(get(browser, "/audit/verification", true).statusCode()).isEqualTo(403);
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Matcher csrf = CSRF.matcher(get(browser, "/login", false).body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + encoded(username) + "&password=" + encoded(TestOfficials.PASSWORD) + "&_csrf="
                + encoded(csrf.group(1));
        HttpResponse<String> signIn = browser.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path, boolean htmx) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept-Language", "vi");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
