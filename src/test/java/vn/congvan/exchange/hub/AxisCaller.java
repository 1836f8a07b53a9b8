package vn.congvan.exchange.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.exchange.axis.AxisSignature;

/**
 * Calls the hub over real HTTP as one system, signing each request as docs/axis-protocol.md says,
 * or forging a part of the signature when a test asks.
 */
public final class AxisCaller {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;
    private final String system;
    private final String secret;

    public AxisCaller(int port, String system, String secret) {
        this.port = port;
        this.system = system;
        this.secret = secret;
    }

    /** An answer of the hub. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return JSON.readValue(body, List.class);
        }
    }

    public Request request(String method, String pathAndQuery) {
        return new Request(method, pathAndQuery);
    }

    public Answer get(String pathAndQuery) {
        return request("GET", pathAndQuery).send();
    }

    public Answer postJson(String pathAndQuery, Object body) {
        return request("POST", pathAndQuery).json(body).send();
    }

    public Answer putJson(String pathAndQuery, Object body) {
        return request("PUT", pathAndQuery).json(body).send();
    }

    /** Sends an edXML package under an Idempotency-Key. */
    public Answer sendEdoc(byte[] edxml, String idempotencyKey) {
        return request("POST", "/api/v1/axis/edocs")
                .body(edxml, "application/xml")
                .header("Idempotency-Key", idempotencyKey)
                .send();
    }

    /** Declares the agencies the system serves, given as organId then name. */
    public Answer publish(String... organIdsAndNames) {
        List<Map<String, String>> agencies = new java.util.ArrayList<>();
        for (int i = 0; i < organIdsAndNames.length; i += 2) {
            agencies.add(Map.of("organId", organIdsAndNames[i], "name", organIdsAndNames[i + 1]));
        }
        return putJson("/api/v1/axis/agencies", agencies);
    }

    /** One request, signed unless a part is forged. */
    public final class Request {
        private final String method;
        private final String pathAndQuery;
        private byte[] body = new byte[0];
        private String contentType = "application/octet-stream";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private long timestamp = Instant.now().getEpochSecond();
        private String nonce = UUID.randomUUID().toString();
        private String signingSecret = secret;
        private String claimedSha256;

        private Request(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        public Request body(byte[] bytes, String type) {
            this.body = bytes;
            this.contentType = type;
            return this;
        }

        public Request json(Object value) {
            return body(JSON.writeValueAsBytes(value), "application/json");
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request at(Instant instant) {
            this.timestamp = instant.getEpochSecond();
            return this;
        }

        public Request nonce(String value) {
            this.nonce = value;
            return this;
        }

        public Request signedWith(String otherSecret) {
            this.signingSecret = otherSecret;
            return this;
        }

        /** Signs this hash instead of the body's. */
        public Request claimingSha256(String sha256) {
            this.claimedSha256 = sha256;
            return this;
        }

        /** The signature headers of this request. */
        public Map<String, String> signatureHeaders() {
            String sha256 = claimedSha256 != null
                    ? claimedSha256
                    : AxisSignature.hex(AxisSignature.sha256().digest(body));
            return Map.of(
                    AxisSignature.SYSTEM,
                    system,
                    AxisSignature.TIMESTAMP,
                    String.valueOf(timestamp),
                    AxisSignature.NONCE,
                    nonce,
                    AxisSignature.CONTENT_SHA256,
                    sha256,
                    AxisSignature.SIGNATURE,
                    AxisSignature.sign(signingSecret, method, pathAndQuery, timestamp, nonce, sha256));
        }

        public Answer send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept-Language", "en")
                    .method(
                            method,
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body.length > 0) {
                builder.header("Content-Type", contentType);
            }
            signatureHeaders().forEach(builder::header);
            headers.forEach(builder::header);
            try {
                HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
