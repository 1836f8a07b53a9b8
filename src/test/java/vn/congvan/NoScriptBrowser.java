package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without JavaScript that signed in through the form, keeping its session cookie. */
public final class NoScriptBrowser {

    private final HttpClient http;
    private final String base;

    private NoScriptBrowser(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Signs in as {@code username} with the demo password and the CSRF token of the sign-in page. */
    public static NoScriptBrowser as(int port, String username) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                                + enc(TestDatabaseInitializer.DEMO_PASSWORD) + "&_csrf=" + enc(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("signed in").isEqualTo(302);
        return new NoScriptBrowser(http, base);
    }

    /** Opens a page or a file of the installation. */
    public HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts an empty form with the CSRF token of the page {@code fromPage}, as its button would. */
    public HttpResponse<String> post(String path, String fromPage) throws Exception {
        String page = new String(get(fromPage).body(), StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a form with a CSRF token on " + fromPage).isTrue();
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
