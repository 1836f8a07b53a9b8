package vn.congvan.signing.validation;

import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the certificate authority, by OCSP and else by its CRL, whether a certificate is revoked
 * now; a certificate about to sign is checked so.
 */
@Component
public class RevocationStatus {

    /** What the authority says of a certificate. */
    public enum Status {
        GOOD,
        REVOKED,
        /** No authority answered, or none gave a verifiable answer. */
        UNKNOWN
    }

    private static final Logger log = LoggerFactory.getLogger(RevocationStatus.class);

    private final CertificateVerifier verifier;

    RevocationStatus(CertificateVerifier verifier) {
        this.verifier = verifier;
    }

    public Status of(X509Certificate certificate, X509Certificate issuer) {
        CertificateToken token = new CertificateToken(certificate);
        CertificateToken issuerToken = new CertificateToken(issuer);
        List<RevocationSource<?>> sources = new ArrayList<>();
        sources.add(verifier.getOcspSource());
        sources.add(verifier.getCrlSource());
        for (RevocationSource<?> source : sources) {
            Status status = ask(source, token, issuerToken);
            if (status != Status.UNKNOWN) {
                return status;
            }
        }
        log.warn("No revocation status for {}", certificate.getSubjectX500Principal());
        return Status.UNKNOWN;
    }

    private static Status ask(
            @Nullable RevocationSource<?> source, CertificateToken certificate, CertificateToken issuer) {
        if (source == null) {
            return Status.UNKNOWN;
        }
        try {
            RevocationToken<?> answer = source.getRevocationToken(certificate, issuer);
            if (answer == null || !answer.isValid()) {
                return Status.UNKNOWN;
            }
            return answer.getStatus() == CertificateStatus.REVOKED
                    ? Status.REVOKED
                    : answer.getStatus() == CertificateStatus.GOOD ? Status.GOOD : Status.UNKNOWN;
        } catch (RuntimeException e) {
            log.warn("Revocation source {} failed: {}", source.getClass().getSimpleName(), e.toString());
            return Status.UNKNOWN;
        }
    }
}
