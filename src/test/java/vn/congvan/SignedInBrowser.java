package vn.congvan;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript, with its cookies: signs in through the form, reads pages and files, and
 * posts forms with the page's CSRF token, as a button would.
 */
public final class SignedInBrowser {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    private SignedInBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A browser that tried to sign in; {@link #signInAnswer} tells how it went. */
    public static SignedInBrowser signIn(int port, String username, String password) {
        SignedInBrowser browser = new SignedInBrowser(port);
        browser.lastSignIn = browser.submitSignIn(username, password);
        return browser;
    }

    private HttpResponse<String> lastSignIn;

    /** Signed in as the user with the demo password; the test fails when the form refuses. */
    public static SignedInBrowser as(int port, String username) {
        SignedInBrowser browser = signIn(port, username, TestDatabaseInitializer.DEMO_PASSWORD);
        if (!browser.signedIn()) {
            throw new AssertionError("The sign-in form refused " + username + ": "
                    + browser.lastSignIn.headers().firstValue("Location").orElse(browser.lastSignIn.body()));
        }
        return browser;
    }

    /** The sign-in form's answer: 302 to {@code /} when signed in, to {@code /login?…} when not. */
    public HttpResponse<String> signInAnswer() {
        return lastSignIn;
    }

    public boolean signedIn() {
        return lastSignIn.statusCode() == 302
                && lastSignIn
                        .headers()
                        .firstValue("Location")
                        .map(l -> !l.contains("/login"))
                        .orElse(false);
    }

    private HttpResponse<String> submitSignIn(String username, String password) {
        Matcher token = LOGIN_TOKEN.matcher(get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        return send(post(
                "/login",
                "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1))));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Language", "vi")
                .build());
    }

    /** A page or a file as its bytes, the way a download reads it. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept-Language", "vi")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form from the page at {@code pagePath}, with that page's CSRF token. */
    public HttpResponse<String> postForm(String pagePath, String path, String body) {
        Matcher token = PAGE_TOKEN.matcher(get(pagePath).body());
        String csrf = token.find() ? "&_csrf=" + enc(token.group(1)) : "";
        return send(post(path, body + csrf));
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
