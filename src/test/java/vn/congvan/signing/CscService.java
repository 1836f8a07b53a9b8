package vn.congvan.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * A remote signing service speaking the Cloud Signature Consortium API v2 on the loopback interface,
 * holding its users' keys: it logs the signature application in with HTTP Basic, lists and
 * describes credentials, authorizes one hash (SAD) and signs it asynchronously with the key once the
 * holder confirmed on the phone. The test plays the holder with {@link #confirmOnThePhone} and
 * {@link #refuseOnThePhone}; protocol and cryptography are real.
 */
final class CscService implements AutoCloseable {

    static final String USERNAME = "congvan";
    static final String PASSWORD = "mật-khẩu-ứng-dụng";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, IssuedCertificate> credentials = new ConcurrentHashMap<>();
    private final Map<String, List<X509Certificate>> presented = new ConcurrentHashMap<>();
    private final Map<String, String[]> authorized = new ConcurrentHashMap<>();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger signHashCalls = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean signsWrongly;

    /** A hash waiting for its holder on the phone. */
    private static final class Request {
        final String credentialId;
        final byte[] hash;
        volatile String decision = "WAITING";
        final AtomicInteger polls = new AtomicInteger();

        Request(String credentialId, byte[] hash) {
            this.credentialId = credentialId;
            this.hash = hash;
        }
    }

    CscService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/csc/v2/", this::serve);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2";
    }

    /** Keeps the holder's key under a new credential id, and returns the id. */
    String holds(IssuedCertificate key) {
        String id = "sim-" + UUID.randomUUID();
        credentials.put(id, key);
        return id;
    }

    /** Makes credentials/info present another certificate chain than the key's own. */
    void presents(String credentialId, List<X509Certificate> chain) {
        presented.put(credentialId, chain);
    }

    void confirmOnThePhone() {
        decideAll("CONFIRMED");
    }

    void refuseOnThePhone() {
        decideAll("REFUSED");
    }

    /** The service stops answering: connections are dropped without an answer. */
    void goesDown() {
        down = true;
    }

    void signsWrongly() {
        signsWrongly = true;
    }

    void reset() {
        down = false;
        signsWrongly = false;
    }

    int signHashCalls() {
        return signHashCalls.get();
    }

    /** How many times the signature application asked for the outcome of this request. */
    int pollsOf(String clientData) {
        Request request = requests.get(clientData);
        return request == null ? 0 : request.polls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void decideAll(String decision) {
        requests.values().stream().filter(r -> r.decision.equals("WAITING")).forEach(r -> r.decision = decision);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                // Drop the connection unanswered, as a service that is down does.
                throw new IOException("down");
            }
            String method = exchange.getRequestURI().getPath().substring("/csc/v2/".length());
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (method.equals("auth/login")) {
                login(exchange);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !tokens.containsKey(authorization.replace("Bearer ", ""))) {
                error(exchange, 401, "invalid_token", "Missing or unknown access token");
                return;
            }
            switch (method) {
                case "credentials/list" ->
                    reply(exchange, 200, Map.of("credentialIDs", List.copyOf(credentials.keySet())));
                case "credentials/info" -> info(exchange, body);
                case "credentials/authorize" -> authorize(exchange, body);
                case "signatures/signHash" -> signHash(exchange, body);
                case "signatures/signPolling" -> signPolling(exchange, body);
                default -> error(exchange, 404, "invalid_request", "Unknown method " + method);
            }
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, "authentication_error", "Wrong client credentials");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, true);
        reply(exchange, 200, Map.of("access_token", token, "expires_in", 3600));
    }

    private void info(HttpExchange exchange, JsonNode body) throws IOException {
        String id = body.path("credentialID").asString("");
        IssuedCertificate key = credentials.get(id);
        if (key == null) {
            error(exchange, 400, "invalid_request", "Invalid parameter credentialID");
            return;
        }
        List<String> chain = new ArrayList<>();
        for (X509Certificate certificate : presented.getOrDefault(id, key.chain())) {
            chain.add(der(certificate));
        }
        reply(
                exchange,
                200,
                Map.of(
                        "key",
                        Map.of("status", "enabled", "algo", List.of("1.2.840.113549.1.1.1"), "len", 2048),
                        "cert",
                        Map.of("status", "valid", "certificates", chain),
                        "authMode",
                        "implicit",
                        "SCAL",
                        "2",
                        "multisign",
                        1));
    }

    private void authorize(HttpExchange exchange, JsonNode body) throws IOException {
        String id = body.path("credentialID").asString("");
        if (!credentials.containsKey(id)
                || body.path("numSignatures").asInt() != 1
                || body.path("hashes").size() != 1) {
            error(exchange, 400, "invalid_request", "One hash of a known credential is authorized at a time");
            return;
        }
        String sad = UUID.randomUUID().toString();
        authorized.put(sad, new String[] {id, body.path("hashes").path(0).asString()});
        reply(exchange, 200, Map.of("SAD", sad, "expiresIn", 300));
    }

    private void signHash(HttpExchange exchange, JsonNode body) throws IOException {
        signHashCalls.incrementAndGet();
        String id = body.path("credentialID").asString("");
        String hash = body.path("hashes").path(0).asString("");
        String[] authorization = authorized.remove(body.path("SAD").asString(""));
        if (authorization == null || !authorization[0].equals(id) || !authorization[1].equals(hash)) {
            error(exchange, 400, "invalid_request", "The SAD does not authorize this hash");
            return;
        }
        if (!body.path("operationMode").asString("S").equals("A")
                || !body.path("hashAlgorithmOID").asString("").equals("2.16.840.1.101.3.4.2.1")
                || !body.path("signAlgo").asString("").equals("1.2.840.113549.1.1.1")) {
            error(exchange, 400, "invalid_request", "Asynchronous SHA-256 with RSA only");
            return;
        }
        String responseId = body.path("clientData").asString(UUID.randomUUID().toString());
        requests.put(responseId, new Request(id, Base64.getDecoder().decode(hash)));
        reply(exchange, 202, Map.of("responseID", responseId));
    }

    private void signPolling(HttpExchange exchange, JsonNode body) throws IOException {
        Request request = requests.get(body.path("responseID").asString(""));
        if (request == null) {
            error(exchange, 400, "invalid_request", "Unknown responseID");
            return;
        }
        request.polls.incrementAndGet();
        switch (request.decision) {
            case "CONFIRMED" -> reply(exchange, 200, Map.of("signatures", List.of(sign(request))));
            case "REFUSED" -> error(exchange, 400, "access_denied", "The user refused the signature on the phone");
            default -> reply(exchange, 202, Map.of());
        }
    }

    /** RSASSA-PKCS1-v1_5 over the DigestInfo of the hash: what SHA256withRSA makes over the data hashed. */
    private String sign(Request request) {
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(credentials.get(request.credentialId).privateKey());
            rsa.update(new DigestInfo(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), request.hash)
                    .getEncoded());
            byte[] value = rsa.sign();
            if (signsWrongly) {
                value[value.length / 2] ^= 0x55;
            }
            return Base64.getEncoder().encodeToString(value);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        reply(exchange, status, body);
    }

    private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
