package vn.congvan.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A client connecting from an address of its own on the loopback network (127.x.y.z), so that the
 * server sees one attacker's machine, and tests of throttling by address never lock each other or
 * the other tests (which all come from 127.0.0.1).
 */
final class FromAddress implements AutoCloseable {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final InetAddress address;
    private final CloseableHttpClient http;
    private final String base;

    /** What came back. */
    record Reply(int status, String body, String location, String retryAfter) {}

    FromAddress(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            address = InetAddress.getByAddress(new byte[] {
                127, (byte) random.nextInt(1, 250), (byte) random.nextInt(1, 250), (byte) random.nextInt(2, 250)
            });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClients.custom()
                .setRoutePlanner(new DefaultRoutePlanner(null) {
                    @Override
                    protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
                        return address;
                    }
                })
                .setDefaultCookieStore(new BasicCookieStore())
                .disableRedirectHandling()
                // The client would otherwise wait out Retry-After and try again by itself.
                .disableAutomaticRetries()
                .build();
    }

    String address() {
        return address.getHostAddress();
    }

    Reply issueToken(String username, String password) {
        HttpPost post = new HttpPost(base + "/api/v1/auth/token");
        post.setHeader("Accept-Language", "en");
        post.setEntity(new StringEntity(
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", ContentType.APPLICATION_JSON));
        return send(post);
    }

    Reply get(String path) {
        HttpGet get = new HttpGet(base + path);
        get.setHeader("Accept-Language", "vi");
        return send(get);
    }

    /** Signs in through the form, with the sign-in page's CSRF token, as a browser on that machine. */
    Reply signInThroughTheForm(String username, String password) {
        Matcher token = LOGIN_TOKEN.matcher(get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        HttpPost post = new HttpPost(base + "/login");
        post.setEntity(new StringEntity(
                "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1)),
                ContentType.APPLICATION_FORM_URLENCODED));
        return send(post);
    }

    private Reply send(HttpUriRequestBase request) {
        try {
            return http.execute(
                    request,
                    response -> new Reply(
                            response.getCode(),
                            response.getEntity() == null
                                    ? ""
                                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                            value(response.getFirstHeader("Location")),
                            value(response.getFirstHeader("Retry-After"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(Header header) {
        return header == null ? "" : header.getValue();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
