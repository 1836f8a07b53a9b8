package vn.congvan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.congvan.signing.pki.CertificateAuthority;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.pki.KeyAlgorithm;
import vn.congvan.signing.pki.Revocation;
import vn.congvan.signing.pki.Subject;
import vn.congvan.signing.pki.TimeStampAuthority;

/**
 * The test run's certificate authority: a root and an issuing CA generated once per JVM, whose
 * CRLs, OCSP answers and certificates are served over HTTP on the loopback interface at the
 * addresses written in the certificates, as a real CA publishes them, with a time-stamping
 * service certified by the issuing CA.
 */
public final class TestPki {

    private static final Duration YEAR = Duration.ofDays(365);
    private static volatile TestPki shared;

    private final CertificateAuthority root;
    private final CertificateAuthority issuing;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger revocationRequests = new AtomicInteger();
    private final AtomicInteger crlRequests = new AtomicInteger();
    private final AtomicInteger timeStamps = new AtomicInteger();
    private final TimeStampAuthority timeStamping;
    private volatile boolean ocspAnswers = true;
    private final Path rootFile;
    private final HttpServer server;

    private TestPki(String name, String displayName) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = baseUrl();
        Instant now = Instant.now();
        root = CertificateAuthority.newRoot(
                name + "-root",
                "CongVan " + displayName + " Root CA",
                KeyAlgorithm.RSA_2048,
                now.minus(YEAR),
                now.plus(YEAR.multipliedBy(10)),
                base);
        issuing = root.newIssuingCa(
                name + "-issuing",
                "CongVan " + displayName + " Issuing CA",
                KeyAlgorithm.RSA_2048,
                now.minus(YEAR),
                now.plus(YEAR.multipliedBy(5)));
        timeStamping = new TimeStampAuthority(issuing.issueTimeStamping(
                "CongVan " + displayName + " Time-Stamping Authority",
                KeyAlgorithm.RSA_2048,
                now.minus(YEAR),
                now.plus(YEAR.multipliedBy(2))));
        server.createContext("/pki/", this::serve);
        server.start();
        rootFile = Files.createTempDirectory("congvan-test-pki").resolve(name + "-root.pem");
        Files.writeString(rootFile, pem(root.certificate()));
    }

    /**
     * A PKI of its own, apart from the shared one, with its own server that a test may stop; its
     * name goes into its authorities' names and URLs.
     */
    public static TestPki started(String name, String displayName) {
        try {
            return new TestPki(name, displayName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the CRL, OCSP and time-stamping server down for good, as an unreachable authority. */
    public void stop() {
        server.stop(0);
    }

    /** Where the authorities publish: every CRL, OCSP and time-stamping address starts so. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pki";
    }

    /** The address of the time-stamping service (RFC 3161 over HTTP). */
    public String tsaUrl() {
        return baseUrl() + "/tsa";
    }

    /** How many time-stamps the service issued. */
    public int timeStamps() {
        return timeStamps.get();
    }

    public static TestPki shared() {
        if (shared == null) {
            synchronized (TestPki.class) {
                if (shared == null) {
                    try {
                        shared = new TestPki("test", "Test");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return shared;
    }

    /** The root certificate as a PEM file, to configure as the trust anchor. */
    public Path rootFile() {
        return rootFile;
    }

    public X509Certificate root() {
        return root.certificate();
    }

    /**
     * A personal certificate valid from yesterday for a year: CN = the person, O = the unit; an
     * RSA key as on the government CA's tokens.
     */
    public IssuedCertificate person(String fullName, String unitName) {
        return person(fullName, unitName, KeyAlgorithm.RSA_2048);
    }

    /** The same with a key of the algorithm. */
    public IssuedCertificate person(String fullName, String unitName, KeyAlgorithm algorithm) {
        return issue(
                Subject.person(fullName, unitName),
                algorithm,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(YEAR));
    }

    /** The unit's organization certificate, valid from yesterday for a year, with an RSA key. */
    public IssuedCertificate organization(String unitName) {
        return organization(unitName, KeyAlgorithm.RSA_2048);
    }

    /** The same with a key of the algorithm. */
    public IssuedCertificate organization(String unitName, KeyAlgorithm algorithm) {
        return issue(
                Subject.organization(unitName),
                algorithm,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(YEAR));
    }

    public IssuedCertificate issue(Subject subject, KeyAlgorithm algorithm, Instant notBefore, Instant notAfter) {
        return issuing.issue(subject, algorithm, notBefore, notAfter);
    }

    /** A personal certificate from an authority nobody configured as trusted. */
    public IssuedCertificate untrusted(String fullName, String unitName) {
        Instant now = Instant.now();
        CertificateAuthority stranger = CertificateAuthority.newRoot(
                "stranger",
                "Unknown Root CA",
                KeyAlgorithm.EC_P256,
                now.minus(YEAR),
                now.plus(YEAR),
                "http://127.0.0.1:1/none");
        return stranger.issue(
                Subject.person(fullName, unitName),
                KeyAlgorithm.EC_P256,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
    }

    /** Revokes the certificate: the CRL and the OCSP responder say so from now on. */
    public void revoke(X509Certificate certificate) {
        revoked.put(certificate.getSerialNumber(), Instant.now().minusSeconds(1));
    }

    /** How many CRL or OCSP requests the endpoints answered. */
    public int revocationRequests() {
        return revocationRequests.get();
    }

    /** How many times a CRL was downloaded. */
    public int crlRequests() {
        return crlRequests.get();
    }

    /** Runs the action while the OCSP responders are down, so that revocation comes from the CRLs. */
    public void withoutOcsp(Runnable action) {
        ocspAnswers = false;
        try {
            action.run();
        } finally {
            ocspAnswers = true;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/pki/".length());
            if (path.equals("tsa") && exchange.getRequestMethod().equals("POST")) {
                timeStamps.incrementAndGet();
                reply(
                        exchange,
                        "application/timestamp-reply",
                        timeStamping.answer(exchange.getRequestBody().readAllBytes(), Instant.now()));
                return;
            }
            for (CertificateAuthority ca : List.of(root, issuing)) {
                if (path.equals(ca.name() + ".crl")) {
                    revocationRequests.incrementAndGet();
                    crlRequests.incrementAndGet();
                    List<Revocation> list = revoked.entrySet().stream()
                            .map(e -> new Revocation(e.getKey(), e.getValue()))
                            .toList();
                    Instant now = Instant.now();
                    reply(
                            exchange,
                            "application/pkix-crl",
                            ca.crl(list, now.minusSeconds(60), now.plus(Duration.ofDays(1)))
                                    .getEncoded());
                    return;
                }
                if (path.equals(ca.name() + ".crt")) {
                    reply(exchange, "application/pkix-cert", ca.certificate().getEncoded());
                    return;
                }
                if (path.startsWith(ca.name() + "/ocsp")) {
                    if (!ocspAnswers) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    revocationRequests.incrementAndGet();
                    // The GET form (RFC 6960 A.1) URL-encodes the base64, whose slashes come as %2F: read it raw.
                    String raw = exchange.getRequestURI().getRawPath();
                    byte[] request = exchange.getRequestMethod().equals("POST")
                            ? exchange.getRequestBody().readAllBytes()
                            : Base64.getDecoder()
                                    .decode(raw.substring(raw.indexOf("/ocsp/") + "/ocsp/".length())
                                            .replace("%2B", "+")
                                            .replace("%2b", "+")
                                            .replace("%2F", "/")
                                            .replace("%2f", "/")
                                            .replace("%3D", "=")
                                            .replace("%3d", "="));
                    reply(
                            exchange,
                            "application/ocsp-response",
                            ca.answerOcsp(request, serial -> Optional.ofNullable(revoked.get(serial)), Instant.now()));
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        } catch (CRLException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
