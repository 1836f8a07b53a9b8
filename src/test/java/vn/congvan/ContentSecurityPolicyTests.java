package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.shared.Role;

/**
 * A script that slipped into a page (a stored name, a message) must not run: every page carries a
 * Content-Security-Policy without inline script, and no template needs one.
 */
@CongVanTest
class ContentSecurityPolicyTests {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER =
            Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=\\s*[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE =
            Pattern.compile("<style|\\s(?:th:)?style\\s*=|javascript:|hx-on", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void noTemplateHoldsAnInlineScriptOrAnEventHandlerAttribute() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                for (Pattern forbidden : List.of(INLINE_SCRIPT, HANDLER, INLINE_STYLE)) {
                    var matcher = forbidden.matcher(html);
                    while (matcher.find()) {
                        found.add(template + ": " + matcher.group().strip());
                    }
                }
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    void everyPageCarriesAPolicyThatRunsOnlyOurOwnScriptFiles() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Giáo dục và Đào tạo", "SGDĐT");
        SignedInBrowser clerk = SignedInBrowser.as(port, province.anOfficial("Hà Thị Thư", Role.CLERK, unit.id()));
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<?> page : List.of(
                login,
                clerk.get("/"),
                clerk.get("/incoming"),
                clerk.get("/outgoing/new"),
                clerk.get("/registers"),
                clerk.get("/search"))) {
            assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(page.uri().toString())
                    .hasValueSatisfying(policy -> {
                        assertThat(directive(policy, "script-src")).isEqualTo("script-src 'self'");
                        assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
                        assertThat(directive(policy, "base-uri")).isEqualTo("base-uri 'self'");
                        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
                    });
        }
    }

    @Test
    void anApiAnswerCanNeverBeOpenedAsAPage() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Công Thương", "SCT");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Lý Văn Thư", Role.CLERK, unit.id())));

        var answer = clerk.get("/api/v1/units/" + unit.id() + "/registers");

        assertThat(answer.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("sandbox");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theSessionCookieIsSecureWhenAProxyServesCongVanOverHttps() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;

        HttpResponse<String> behindProxy = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sessionCookie(behindProxy)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(sessionCookie(plain))
                .as("a plain-HTTP installation (the demo) still works")
                .doesNotContainIgnoringCase("Secure");
    }

    private static String sessionCookie(HttpResponse<?> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers()));
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith(name + " ")) {
                return directive.strip();
            }
        }
        return "";
    }
}
