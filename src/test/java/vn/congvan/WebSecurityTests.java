package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.shared.Role;

/** The browser side: sessions, form login and CSRF protection of every form. */
@CongVanTest
class WebSecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aSignedInClerksFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Khoa học và Công nghệ", "SKHCN");
        String clerk = province.anOfficial("Mai Thị Lan", Role.CLERK, unit.id());
        String base = "http://localhost:" + port;
        HttpClient browser = signedIn(clerk);
        assertThat(browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/incoming"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> forged = browser.send(form(base + "/logout", ""), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/incoming"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("still signed in: the forged post did nothing")
                .isEqualTo(200);
    }

    @Test
    void pagesOpenedAtOnceRightAfterSigningInAllRender() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Tư pháp", "STP");
        String clerk = province.anOfficial("Lê Văn Bình", Role.CLERK, unit.id());
        String base = "http://localhost:" + port;
        HttpClient browser = signedIn(clerk);

        // Tabs restored at once: each page's forms store the session's new CSRF token at the same time.
        List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pages.add(browser.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + (i % 2 == 0 ? "/incoming" : "/")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(pages).allSatisfy(page -> assertThat(page.get().statusCode()).isEqualTo(200));
    }

    @Test
    void aStrangerIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/incoming"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /**
     * A request that reads the session writes it back when it ends, its id included (Spring
     * Session's JDBC store): one that began before a sign-in and ended after it put the id from
     * before the sign-in back, and the official was signed out (seen: the service worker fetches the
     * shell's files while the sign-in form is posted). The shell's files are nobody's: they never
     * read the session (and the worker fetches them, the offline page too, without the cookie).
     */
    @Test
    void theShellsFilesNeverTouchTheSessionSoTheyCannotUndoASignIn() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = loginPage.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        String sessionId = new String(
                java.util.Base64.getDecoder().decode(cookie.substring("SESSION=".length(), cookie.indexOf(';'))),
                StandardCharsets.UTF_8);
        long before = lastAccess(sessionId);
        Thread.sleep(20);

        for (String file : List.of(
                "/css/congvan.css",
                "/js/congvan.js",
                "/img/icon-192.png",
                "/favicon.ico",
                "/sw.js",
                "/manifest.webmanifest")) {
            HttpResponse<String> answer = browser.send(
                    HttpRequest.newBuilder(URI.create(base + file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as(file).isEmpty();
        }

        assertThat(lastAccess(sessionId))
                .as("the session was not read, nor written back")
                .isEqualTo(before);
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    /** A browser that signed in through the form, with the CSRF token of the sign-in page. */
    private HttpClient signedIn(String username) throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = browser.send(
                form(
                        base + "/login",
                        "username=" + username + "&password=" + enc(TestDatabaseInitializer.DEMO_PASSWORD) + "&_csrf="
                                + enc(token.group(1))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return browser;
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
