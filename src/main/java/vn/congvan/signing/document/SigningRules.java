package vn.congvan.signing.document;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.SignatureKind;
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
        if (document.direction() != Direction.OUTGOING) {
            return false;
        }
        if (kind == SignatureKind.PERSONAL) {
            return COMPETENT.stream().anyMatch(role -> official.holds(role, document.unitId()));
        }
        return official.holds(Role.CLERK, document.unitId());
    }

    /** Checks who may sign this document in this way; returns the certificate to sign with. */
    SigningCertificate certificateFor(Official official, DocumentView document, SignatureKind kind) {
        if (document.direction() != Direction.OUTGOING) {
            throw DomainException.invalid("signing.document.not-outgoing");
        }
        if (!mayApply(official, document, kind)) {
            throw DomainException.forbidden(kind == SignatureKind.PERSONAL
                    ? "signing.personal.not-competent"
                    : "signing.organization.clerk-only");
        }
        SigningCertificate certificate = kind == SignatureKind.PERSONAL
                ? certificates.personalOf(official.personId())
                        .orElseThrow(() -> DomainException.conflict("signing.certificate.none"))
                : certificates.organizationOf(document.unitId())
                        .orElseThrow(() -> DomainException.conflict("signing.certificate.none-for-unit"));
        if (kind == SignatureKind.PERSONAL && !certificate.heldBy(official.personId())) {
            throw DomainException.forbidden("signing.certificate.not-holder");
        }
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
        if (key.getCertificateChain().length < 2) {
            return;
        }
        X509Certificate issuer = key.getCertificateChain()[1].getCertificate();
        if (revocation.of(certificate.x509(), issuer) == RevocationStatus.Status.REVOKED) {
            throw DomainException.conflict("signing.certificate.revoked", certificate.serialNumber());
        }
    }
}
