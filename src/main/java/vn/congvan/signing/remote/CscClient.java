package vn.congvan.signing.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.settings.RemoteSigningProperties;

/**
 * A client of the remote signing service, by the Cloud Signature Consortium API v2: the signature
 * application logs in with HTTP Basic ({@code auth/login}) and sends the access token as a bearer
 * token; hashes travel base64-encoded; {@code signatures/signHash} runs asynchronously
 * ({@code operationMode} "A") and its outcome is fetched with {@code signatures/signPolling}.
 */
@Component
class CscClient {

    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String RSA = "1.2.840.113549.1.1.1";
    static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";

    /** Renew the access token this long before the service says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    private final RemoteSigningProperties settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile @Nullable AccessToken token;

    CscClient(RemoteSigningProperties settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** A credential as {@code credentials/info} describes it: its certificate chain, key and authorization. */
    record CredentialInfo(List<byte[]> certificates, List<String> keyAlgorithms, String authMode, String scal) {}

    /** What {@code signatures/signPolling} tells of an asynchronous signature. */
    sealed interface Outcome {
        record Pending() implements Outcome {}

        record Signed(byte[] value) implements Outcome {}

        record Refused(String serviceMessage) implements Outcome {}
    }

    boolean configured() {
        return settings.baseUrl() != null && !settings.baseUrl().toString().isBlank();
    }

    List<String> credentialIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode id :
                call("credentials/list", Map.of()).path("credentialIDs").values()) {
            ids.add(id.asString());
        }
        return ids;
    }

    CredentialInfo info(String credentialId) {
        JsonNode info = call(
                "credentials/info",
                Map.of("credentialID", credentialId, "certificates", "chain", "certInfo", true, "authInfo", true));
        List<byte[]> certificates = new ArrayList<>();
        for (JsonNode certificate : info.path("cert").path("certificates").values()) {
            certificates.add(base64(certificate.asString()));
        }
        List<String> algorithms = new ArrayList<>();
        for (JsonNode algorithm : info.path("key").path("algo").values()) {
            algorithms.add(algorithm.asString());
        }
        return new CredentialInfo(
                certificates,
                algorithms,
                info.path("authMode").asString(""),
                info.path("SCAL").asString(""));
    }

    /** Authorizes one signature of the SHA-256 hash; returns the signature activation data (SAD). */
    String authorize(String credentialId, byte[] hash) {
        JsonNode answer = call(
                "credentials/authorize",
                Map.of(
                        "credentialID",
                        credentialId,
                        "numSignatures",
                        1,
                        "hashes",
                        List.of(encode(hash)),
                        "hashAlgorithmOID",
                        SHA256));
        return required(answer, "SAD");
    }

    /** Asks for the signature of the hash in asynchronous mode; returns the service's responseID. */
    String signHash(String credentialId, String sad, byte[] hash, String signAlgorithm, String clientData) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", credentialId);
        body.put("SAD", sad);
        body.put("hashes", List.of(encode(hash)));
        body.put("hashAlgorithmOID", SHA256);
        body.put("signAlgo", signAlgorithm);
        body.put("operationMode", "A");
        body.put("validity_period", settings.maxWait().toMillis());
        body.put("clientData", clientData);
        return required(call("signatures/signHash", body), "responseID");
    }

    Outcome poll(String responseId) {
        JsonNode answer;
        try {
            answer = call("signatures/signPolling", Map.of("responseID", responseId));
        } catch (RemoteServiceException e) {
            if ("access_denied".equals(e.error())) {
                return new Outcome.Refused(e.serviceMessage() == null ? "" : e.serviceMessage());
            }
            throw e;
        }
        JsonNode signatures = answer.path("signatures");
        if (signatures.isMissingNode() || signatures.isEmpty()) {
            return new Outcome.Pending();
        }
        return new Outcome.Signed(base64(signatures.path(0).asString()));
    }

    private JsonNode call(String method, Map<String, Object> body) {
        HttpRequest.Builder request = request(method, body);
        String bearer = accessToken();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return send(request.build());
        } catch (RemoteServiceException e) {
            if (e.status() == 401) {
                token = null;
            }
            throw e;
        }
    }

    private @Nullable String accessToken() {
        if (settings.username() == null || settings.username().isBlank()) {
            return null;
        }
        AccessToken current = token;
        Instant now = clock.instant();
        if (current == null || !now.plus(TOKEN_MARGIN).isBefore(current.expiresAt())) {
            String credentials = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            JsonNode login = send(request("auth/login", Map.of())
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .build());
            current = new AccessToken(
                    required(login, "access_token"),
                    now.plusSeconds(login.path("expires_in").asLong(3600)));
            token = current;
        }
        return current.value();
    }

    private HttpRequest.Builder request(String method, Map<String, Object> body) {
        if (!configured()) {
            throw DomainException.conflict("signing.remote.not-configured");
        }
        String base = String.valueOf(settings.baseUrl());
        String root = base.endsWith("/") ? base : base + "/";
        return HttpRequest.newBuilder(URI.create(root + method))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw RemoteServiceException.unreachable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RemoteServiceException.unreachable("interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 500) {
            throw RemoteServiceException.unreachable("HTTP " + status);
        }
        if (status >= 400) {
            throw new RemoteServiceException(
                    "signing.remote.rejected",
                    status,
                    body.path("error").asString(""),
                    body.path("error_description").asString(body.path("error").asString("HTTP " + status)),
                    false);
        }
        return body;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new RemoteServiceException("signing.remote.unreadable", 0, "", null, false);
        }
    }

    private static String required(JsonNode answer, String field) {
        String value = answer.path(field).asString("");
        if (value.isBlank()) {
            throw new RemoteServiceException("signing.remote.unreadable", 0, "", null, false);
        }
        return value;
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new RemoteServiceException("signing.remote.unreadable", 0, "", null, false);
        }
    }

    private record AccessToken(String value, Instant expiresAt) {}
}
