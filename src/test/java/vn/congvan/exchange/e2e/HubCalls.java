package vn.congvan.exchange.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the hub directly (not through the proxy) as one of its client systems, each request
 * signed as docs/axis-protocol.md says: what the test looks at to see the hub's side of the run.
 */
final class HubCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String hub;
    private final String system;
    private final String secret;

    HubCalls(String hub, String system, String secret) {
        this.hub = hub;
        this.system = system;
        this.secret = secret;
    }

    /** getAgenciesList: every agency the hub's systems published. */
    List<Map<String, Object>> agencies() {
        return list("/api/v1/axis/agencies");
    }

    /** getSentEdocList: the packages this system sent, with each recipient's state. */
    List<Map<String, Object>> sent() {
        return list("/api/v1/axis/edocs/sent?since=" + Instant.EPOCH);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String pathAndQuery) {
        HttpResponse<String> answer = get(pathAndQuery);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + pathAndQuery + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readValue(answer.body(), List.class);
    }

    private HttpResponse<String> get(String pathAndQuery) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String bodyHash = sha256Hex(new byte[0]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Axis-System", system)
                .header("X-Axis-Timestamp", timestamp)
                .header("X-Axis-Nonce", nonce)
                .header("X-Axis-Content-SHA256", bodyHash)
                .header(
                        "X-Axis-Signature",
                        signature("GET\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("hub unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String signature(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
