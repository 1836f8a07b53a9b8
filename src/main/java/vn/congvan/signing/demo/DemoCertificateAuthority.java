package vn.congvan.signing.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.keys.KeyStores;
import vn.congvan.signing.pki.CertificateAuthority;
import vn.congvan.signing.pki.KeyAlgorithm;
import vn.congvan.signing.pki.TimeStampAuthority;
import vn.congvan.signing.settings.SigningProperties;
import vn.congvan.signing.validation.TrustAnchors;

/**
 * The demo root and issuing CA of this installation, and the time-stamping authority the issuing CA
 * certifies, kept in {@code <data-dir>/pki} (their keys in PKCS#12 key stores, the root also as
 * {@code demo-root-ca.pem} for anyone to trust). The root is trusted for validation as soon as it
 * exists. The keys are EC P-256: a demo issues hundreds of
 * certificates at first start, and RSA keys take a hundred times longer to make.
 */
@Component
class DemoCertificateAuthority {

    static final String ROOT = "demo-root";
    static final String ISSUING = "demo-issuing";
    static final String ROOT_STORE = "pki/demo-root-ca.p12";
    static final String ISSUING_STORE = "pki/demo-issuing-ca.p12";
    static final String ROOT_PEM = "pki/demo-root-ca.pem";
    static final String TSA_STORE = "pki/demo-tsa.p12";

    private static final Logger log = LoggerFactory.getLogger(DemoCertificateAuthority.class);

    private final KeyStores keyStores;
    private final TrustAnchors anchors;
    private final Path dataDir;
    private final boolean demo;
    private final SigningProperties signing;
    private final Environment environment;
    private @Nullable CertificateAuthority root;
    private @Nullable CertificateAuthority issuing;
    private @Nullable TimeStampAuthority timeStamping;

    DemoCertificateAuthority(
            KeyStores keyStores,
            TrustAnchors anchors,
            CongVanProperties properties,
            SigningProperties signing,
            Environment environment) {
        this.keyStores = keyStores;
        this.anchors = anchors;
        this.dataDir = properties.dataDir();
        this.demo = properties.demoEnabled();
        this.signing = signing;
        this.environment = environment;
        if (demo && keyStores.exists(ISSUING_STORE)) {
            load();
        }
    }

    /** The issuing CA, generated with its root if this installation has none yet. */
    synchronized CertificateAuthority issuing() {
        if (issuing == null) {
            create();
        }
        return Objects.requireNonNull(issuing, "created above");
    }

    /** The time-stamping authority, its certificate issued by the issuing CA, generated if need be. */
    synchronized TimeStampAuthority timeStamping() {
        CertificateAuthority ca = issuing();
        if (timeStamping == null) {
            Instant now = Instant.now();
            timeStamping = new TimeStampAuthority(ca.issueTimeStamping(
                    "CongVan Demo Time-Stamping Authority",
                    KeyAlgorithm.EC_P256,
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(365L * 5))));
            keyStores.keepAt(TSA_STORE, timeStamping.self());
        }
        return timeStamping;
    }

    /** The authority of the given name ({@code demo-root}, {@code demo-issuing}) once it exists. */
    synchronized Optional<CertificateAuthority> named(String name) {
        if (root != null && root.name().equals(name)) {
            return Optional.of(root);
        }
        if (issuing != null && issuing.name().equals(name)) {
            return Optional.of(issuing);
        }
        return Optional.empty();
    }

    boolean enabled() {
        return demo;
    }

    private void load() {
        String url = baseUrl();
        root = CertificateAuthority.of(ROOT, keyStores.read(ROOT_STORE), url);
        issuing = CertificateAuthority.of(ISSUING, keyStores.read(ISSUING_STORE), url);
        anchors.trust(root.certificate());
        if (keyStores.exists(TSA_STORE)) {
            timeStamping = new TimeStampAuthority(keyStores.read(TSA_STORE));
        }
    }

    private void create() {
        Instant now = Instant.now();
        String url = baseUrl();
        root = CertificateAuthority.newRoot(
                ROOT,
                "CongVan Demo Root CA",
                KeyAlgorithm.EC_P256,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365L * 20)),
                url);
        issuing = root.newIssuingCa(
                ISSUING,
                "CongVan Demo Issuing CA",
                KeyAlgorithm.EC_P256,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365L * 10)));
        keyStores.keepAt(ROOT_STORE, root.self());
        keyStores.keepAt(ISSUING_STORE, issuing.self());
        writePem(root.certificate());
        anchors.trust(root.certificate());
        timeStamping();
        log.info(
                "Generated the demo certificate authority in {} (CRL, OCSP and time-stamps at {})",
                dataDir.resolve("pki"),
                url);
    }

    private String baseUrl() {
        return signing.demoPkiBaseUrl(environment);
    }

    private void writePem(X509Certificate certificate) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(dataDir.resolve(ROOT_PEM), pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
