package vn.congvan.signing.document;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.validation.RevocationStatus;

/**
 * The internal regulations on signature use that the software enforces: a personal signature by
 * a competent person of the document's unit with their own certificate; the organization signature
 * by the unit's clerk only; never with an expired, not yet valid or revoked certificate.
 */
@Component
class SigningRules {

    /** Who signs a unit's documents in their own name: its head, deputies, and heads of division (TL.). */
    static final Set<Role> COMPETENT = Set.of(Role.LEADER, Role.DEPUTY_LEADER, Role.DIVISION_HEAD);

    private final SigningCertificates certificates;
    private final RevocationStatus revocation;
    private final Clock clock;

    SigningRules(SigningCertificates certificates, RevocationStatus revocation, Clock clock) {
        this.certificates = certificates;
        this.revocation = revocation;
        this.clock = clock;
    }

    /** Whether the official's roles let them apply this kind of signature to the document. */
    static boolean mayApply(Official official, DocumentView document, SignatureKind kind) {
        if (document.direction() != Direction.OUTGOING || document.status() == DocumentStatus.REVOKED) {
            return false;
        }
        if (kind == SignatureKind.ORGANIZATION && document.status() != DocumentStatus.ISSUED) {
            return false;
        }
        if (kind == SignatureKind.PERSONAL) {
            return COMPETENT.stream().anyMatch(role -> official.holds(role, document.unitId()));
        }
        return official.holds(Role.CLERK, document.unitId());
    }

    /** Checks who may sign this document in this way; returns the server-held certificate to sign with. */
    SigningCertificate certificateFor(Official official, DocumentView document, SignatureKind kind) {
        requireMayApply(official, document, kind);
        SigningCertificate certificate = kind == SignatureKind.PERSONAL
                ? certificates.personalOf(official.personId())
                        .orElseThrow(() -> DomainException.conflict("signing.certificate.none"))
                : certificates.organizationOf(document.unitId())
                        .orElseThrow(() -> DomainException.conflict("signing.certificate.none-for-unit"));
        if (kind == SignatureKind.PERSONAL && !certificate.heldBy(official.personId())) {
            throw DomainException.forbidden("signing.certificate.not-holder");
        }
        return requireValidNow(certificate);
    }

    /**
     * Checks who may sign this document in this way with a key held outside the server: the
     * certificate presented must be registered to the caller (a personal signature) or to the
     * document's unit (the organization signature), by thumbprint.
     */
    SigningCertificate certificateFor(
            Official official, DocumentView document, SignatureKind kind, X509Certificate presented) {
        String thumbprint;
        try {
            thumbprint = SigningCertificates.sha256(presented.getEncoded());
        } catch (CertificateEncodingException e) {
            throw DomainException.invalid("signing.session.certificate-unreadable");
        }
        return certificateFor(official, document, kind, thumbprint);
    }

    /** As above, with the presented certificate's SHA-256 thumbprint (hex). */
    SigningCertificate certificateFor(Official official, DocumentView document, SignatureKind kind, String thumbprint) {
        requireMayApply(official, document, kind);
        SigningCertificate registered = kind == SignatureKind.PERSONAL
                ? certificates.registeredTo(CertificateKind.PERSONAL, official.personId(), thumbprint)
                        .orElseThrow(() -> DomainException.forbidden("signing.certificate.not-holder"))
                : certificates.registeredTo(CertificateKind.ORGANIZATION, document.unitId(), thumbprint)
                        .orElseThrow(() -> DomainException.forbidden("signing.certificate.not-the-units"));
        return requireValidNow(registered);
    }

    static void requireMayApply(Official official, DocumentView document, SignatureKind kind) {
        if (document.direction() != Direction.OUTGOING) {
            throw DomainException.invalid("signing.document.not-outgoing");
        }
        if (document.status() == DocumentStatus.REVOKED) {
            throw DomainException.conflict("registry.document.revoked");
        }
        if (kind == SignatureKind.ORGANIZATION && document.status() != DocumentStatus.ISSUED) {
            throw DomainException.conflict("signing.organization.not-numbered");
        }
        if (!mayApply(official, document, kind)) {
            throw DomainException.forbidden(kind == SignatureKind.PERSONAL
                    ? "signing.personal.not-competent"
                    : "signing.organization.clerk-only");
        }
    }

    private SigningCertificate requireValidNow(SigningCertificate certificate) {
        Instant now = clock.instant();
        if (certificate.expiredAt(now)) {
            throw DomainException.conflict("signing.certificate.expired", certificate.serialNumber());
        }
        if (certificate.notYetValidAt(now)) {
            throw DomainException.conflict("signing.certificate.not-yet-valid", certificate.serialNumber());
        }
        return certificate;
    }

    /**
     * Asks the certificate's authority whether it is revoked, with the issuer from the key store's
     * chain. A certificate whose status no authority can tell still signs: the signature then shows
     * as indeterminate to whoever validates it before the authority answers again.
     */
    void requireNotRevoked(SigningCertificate certificate, DSSPrivateKeyEntry key) {
        List<X509Certificate> chain = new ArrayList<>();
        for (CertificateToken token : key.getCertificateChain()) {
            chain.add(token.getCertificate());
        }
        requireNotRevoked(certificate, chain);
    }

    /** As above, with the issuer from the chain the signer presented (the certificate first). */
    void requireNotRevoked(SigningCertificate certificate, List<X509Certificate> chain) {
        if (chain.size() < 2) {
            return;
        }
        X509Certificate issuer = chain.get(1);
        if (revocation.of(certificate.x509(), issuer) == RevocationStatus.Status.REVOKED) {
            throw DomainException.conflict("signing.certificate.revoked", certificate.serialNumber());
        }
    }
}
