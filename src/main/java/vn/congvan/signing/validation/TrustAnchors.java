package vn.congvan.signing.validation;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.congvan.signing.settings.SigningProperties;

/**
 * The certificates validation trusts (the government CA roots, the national root…): read at start
 * from {@code congvan.signing.trust-anchors}, files in PEM or DER or directories of them; the demo
 * certificate authority's root joins them in a demo installation.
 */
@Component
public class TrustAnchors {

    private static final Logger log = LoggerFactory.getLogger(TrustAnchors.class);

    private final CommonTrustedCertificateSource source = new CommonTrustedCertificateSource();

    TrustAnchors(SigningProperties properties) {
        for (String entry : properties.trustAnchors()) {
            if (entry.isBlank()) {
                continue;
            }
            for (Path file : files(Path.of(entry.strip()))) {
                read(file).forEach(this::trust);
            }
        }
        log.info("Trusting {} certificate(s) as signature trust anchors", source.getNumberOfCertificates());
    }

    /** Adds a trust anchor, e.g. the demo root once it is generated. */
    public void trust(X509Certificate certificate) {
        source.addCertificate(new CertificateToken(certificate));
    }

    /**
     * The fingerprint of the trust list as it is now: the SHA-256 of the anchors' SHA-256s in order.
     * A kept verdict made against another fingerprint may be wrong now and is made again.
     */
    public String fingerprint() {
        List<String> anchors = new ArrayList<>();
        for (CertificateToken token : source.getCertificates()) {
            anchors.add(HexFormat.of().formatHex(token.getDigest(DigestAlgorithm.SHA256)));
        }
        Collections.sort(anchors);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(String.join("\n", anchors).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean trusts(X509Certificate certificate) {
        return source.isTrusted(new CertificateToken(certificate));
    }

    /**
     * Whether the certificate chains to a trust anchor, through the intermediate certificates
     * given, each one's signature verified by its issuer's key.
     */
    public boolean anchors(X509Certificate certificate, List<X509Certificate> intermediates) {
        List<X509Certificate> candidates = new ArrayList<>(intermediates);
        source.getCertificates().forEach(token -> candidates.add(token.getCertificate()));
        X509Certificate current = certificate;
        for (int depth = 0; depth < 8; depth++) {
            if (trusts(current)) {
                return true;
            }
            X509Certificate issuer = issuerOf(current, candidates);
            if (issuer == null || issuer.equals(current)) {
                return false;
            }
            current = issuer;
        }
        return false;
    }

    private static @Nullable X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (!candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(candidate.getPublicKey());
                return candidate;
            } catch (GeneralSecurityException e) {
                // Same name, other key: not the issuer.
            }
        }
        return null;
    }

    CommonTrustedCertificateSource source() {
        return source;
    }

    private static List<Path> files(Path entry) {
        if (!Files.exists(entry)) {
            throw new IllegalStateException("congvan.signing.trust-anchors names a missing file: " + entry);
        }
        if (!Files.isDirectory(entry)) {
            return List.of(entry);
        }
        try (Stream<Path> files = Files.list(entry)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("(?i).*\\.(pem|crt|cer|der)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("No certificate in trust anchor file " + file);
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("Trust anchor file " + file + " holds no readable certificate", e);
        }
    }
}
