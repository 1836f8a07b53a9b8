package vn.congvan.signing.validation;

import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.congvan.signing.settings.SigningProperties;

/**
 * Asks the certificate authority, by OCSP and else by its CRL, whether a certificate is revoked
 * now; a certificate about to sign is checked so. An answer is kept while it is fresh: until the
 * next update the authority announces in it, and at most {@code congvan.signing.revocation-fresh-for}
 * (five minutes by default), so that a leader signing a pile of documents asks once, not before
 * each signature. No answer is kept at all when that setting is zero.
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

    /** Certificates whose answers are kept at most; past it, the stale ones go, then all. */
    static final int MOST_KEPT = 10_000;

    private final CertificateVerifier verifier;
    private final Duration freshFor;
    private final Clock clock;
    private final Map<String, Answer> fresh = new ConcurrentHashMap<>();

    @Autowired
    RevocationStatus(CertificateVerifier verifier, SigningProperties properties) {
        this(verifier, properties.revocationFreshFor(), Clock.systemUTC());
    }

    RevocationStatus(CertificateVerifier verifier, Duration freshFor, Clock clock) {
        this.verifier = verifier;
        this.freshFor = freshFor;
        this.clock = clock;
    }

    public Status of(X509Certificate certificate, X509Certificate issuer) {
        CertificateToken token = new CertificateToken(certificate);
        CertificateToken issuerToken = new CertificateToken(issuer);
        String key = token.getDSSIdAsString() + "/" + issuerToken.getDSSIdAsString();
        Instant now = clock.instant();
        Answer kept = fresh.get(key);
        if (kept != null && now.isBefore(kept.freshUntil())) {
            return kept.status();
        }
        List<RevocationSource<?>> sources = new ArrayList<>();
        sources.add(verifier.getOcspSource());
        sources.add(verifier.getCrlSource());
        for (RevocationSource<?> source : sources) {
            Answer answer = ask(source, token, issuerToken, now);
            if (answer.status() != Status.UNKNOWN) {
                keep(key, answer, now);
                return answer.status();
            }
        }
        log.warn("No revocation status for {}", certificate.getSubjectX500Principal());
        return Status.UNKNOWN;
    }

    /** An authority's answer and until when it may be used without asking again. */
    private record Answer(Status status, Instant freshUntil) {}

    private void keep(String key, Answer answer, Instant now) {
        if (!now.isBefore(answer.freshUntil())) {
            return;
        }
        if (fresh.size() >= MOST_KEPT) {
            fresh.values().removeIf(a -> !now.isBefore(a.freshUntil()));
            if (fresh.size() >= MOST_KEPT) {
                fresh.clear();
            }
        }
        fresh.put(key, answer);
    }

    private Answer ask(
            @Nullable RevocationSource<?> source, CertificateToken certificate, CertificateToken issuer, Instant now) {
        if (source == null) {
            return new Answer(Status.UNKNOWN, now);
        }
        try {
            RevocationToken<?> answer = source.getRevocationToken(certificate, issuer);
            if (answer == null || !answer.isValid()) {
                return new Answer(Status.UNKNOWN, now);
            }
            Status status = answer.getStatus() == CertificateStatus.REVOKED
                    ? Status.REVOKED
                    : answer.getStatus() == CertificateStatus.GOOD ? Status.GOOD : Status.UNKNOWN;
            Instant until = now.plus(freshFor);
            if (answer.getNextUpdate() != null
                    && answer.getNextUpdate().toInstant().isBefore(until)) {
                until = answer.getNextUpdate().toInstant();
            }
            return new Answer(status, until);
        } catch (RuntimeException e) {
            log.warn("Revocation source {} failed: {}", source.getClass().getSimpleName(), e.toString());
            return new Answer(Status.UNKNOWN, now);
        }
    }
}
