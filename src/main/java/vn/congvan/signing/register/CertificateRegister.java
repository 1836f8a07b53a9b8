package vn.congvan.signing.register;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.SigningAuditAction;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.KeyMedium;
import vn.congvan.signing.keys.PersonNames;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.validation.TrustAnchors;

/**
 * Registers the certificates whose keys their holders keep (USB token, PKI SIM, remote signing
 * service), so that signatures made with them are accepted as the holder's. A person registers
 * their own (or the administrator does); a unit's clerk registers the unit's. Only a certificate
 * valid now, fit for signing and chaining to a trust anchor is registered, and only once. The
 * administrator or the unit's IT officer enrols the unit's keys held in the HSM the same way.
 */
@Service
public class CertificateRegister {

    private final SigningCertificates certificates;
    private final TrustAnchors anchors;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateRegister(
            SigningCertificates certificates,
            TrustAnchors anchors,
            Directory directory,
            AuditTrail audit,
            Clock clock) {
        this.certificates = certificates;
        this.anchors = anchors;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a person's certificate in the unit its holder signs for (their first position if not given). */
    @Transactional
    public SigningCertificate registerPersonal(Official official, UUID personId, HeldCertificate held) {
        if (!official.personId().equals(personId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.register.own-only");
        }
        PersonView person = directory
                .findPerson(personId)
                .orElseThrow(() -> DomainException.notFound(SigningRefusals.PERSON_NOT_FOUND));
        UUID unitId = person.positions().stream()
                .map(PersonView.Position::unitId)
                .filter(unit -> held.unitId() == null || unit.equals(held.unitId()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("signing.register.not-in-unit"));
        requireNames(held.certificate(), person);
        return register(official, CertificateKind.PERSONAL, personId, unitId, held);
    }

    /** Registers a unit's organization certificate, by its clerk or the administrator. */
    @Transactional
    public SigningCertificate registerOrganization(Official official, UUID unitId, HeldCertificate held) {
        if (!official.holds(Role.CLERK, unitId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.organization.clerk-only");
        }
        directory.unit(unitId);
        return register(official, CertificateKind.ORGANIZATION, null, unitId, held);
    }

    /**
     * Enrols a certificate whose key pair the HSM holds, for a person of the unit or for the unit's
     * organization signature, by the administrator or the unit's IT officer.
     */
    @Transactional
    public SigningCertificate enrolHsm(Official official, UUID unitId, HsmKey key) {
        if (!official.holds(Role.IT_OFFICER, unitId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.hsm.it-only");
        }
        if (key.alias().isBlank()) {
            throw DomainException.invalid("signing.hsm.alias-required");
        }
        directory.unit(unitId);
        UUID personId = key.personId();
        if (personId != null) {
            PersonView person = directory
                    .findPerson(personId)
                    .orElseThrow(() -> DomainException.notFound(SigningRefusals.PERSON_NOT_FOUND));
            if (person.positions().stream()
                    .noneMatch(position -> position.unitId().equals(unitId))) {
                throw DomainException.invalid("signing.register.not-in-unit");
            }
            requireNames(key.certificate(), person);
        }
        CertificateKind kind = personId != null ? CertificateKind.PERSONAL : CertificateKind.ORGANIZATION;
        String thumbprint = requireAcceptable(key.certificate(), key.chain());
        SigningCertificate enrolled = certificates.enrolHsm(
                kind, personId, unitId, key.certificate(), key.alias().strip(), official.personId());
        audited(official, SigningAuditAction.CERTIFICATE_ENROLLED, enrolled, thumbprint);
        return enrolled;
    }

    /** A person's registered certificates, for themselves or the administrator. */
    public List<SigningCertificate> personal(Official official, UUID personId) {
        if (!official.personId().equals(personId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.register.own-only");
        }
        return certificates.registeredFor(CertificateKind.PERSONAL, personId);
    }

    /** A unit's organization certificates, for its people or the administrator. */
    public List<SigningCertificate> organization(Official official, UUID unitId) {
        if (!official.belongsTo(unitId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.register.own-unit-only");
        }
        return certificates.registeredFor(CertificateKind.ORGANIZATION, unitId);
    }

    private SigningCertificate register(
            Official official, CertificateKind kind, @Nullable UUID personId, UUID unitId, HeldCertificate held) {
        if (held.medium().heldByServer()) {
            throw DomainException.invalid("signing.register.medium-held-by-server");
        }
        boolean remote = held.medium() == KeyMedium.REMOTE || held.medium() == KeyMedium.PKI_SIM;
        if (remote
                && (held.remoteCredential() == null || held.remoteCredential().isBlank())) {
            throw DomainException.invalid("signing.register.credential-required");
        }
        String thumbprint = requireAcceptable(held.certificate(), held.chain());
        SigningCertificate registered = certificates.register(
                kind,
                personId,
                unitId,
                held.certificate(),
                held.medium(),
                remote
                        ? Objects.requireNonNull(held.remoteCredential(), "required above")
                                .strip()
                        : null,
                official.personId());
        audited(official, SigningAuditAction.CERTIFICATE_REGISTERED, registered, thumbprint);
        return registered;
    }

    /**
     * A personal certificate is registered for the person its subject names (CN against their full
     * name, see {@link PersonNames}): a certificate issued to someone else would make their
     * signatures pass for this person's.
     */
    private static void requireNames(X509Certificate certificate, PersonView person) {
        String commonName = SigningCertificate.commonNameOf(certificate);
        if (commonName == null || !PersonNames.same(commonName, person.fullName())) {
            throw DomainException.invalid(
                    "signing.register.names-another", commonName == null ? "" : commonName, person.fullName());
        }
    }

    /** Checks the certificate is valid now, fit for signing, trusted and new here; returns its thumbprint. */
    private String requireAcceptable(X509Certificate certificate, List<X509Certificate> chain) {
        Instant now = clock.instant();
        String serial = SigningCertificates.serialNumber(certificate);
        if (!now.isBefore(certificate.getNotAfter().toInstant())) {
            throw DomainException.conflict("signing.certificate.expired", serial);
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw DomainException.conflict("signing.certificate.not-yet-valid", serial);
        }
        if (!fitForSigning(certificate)) {
            throw DomainException.invalid("signing.register.not-for-signing", serial);
        }
        if (!anchors.anchors(certificate, chain)) {
            throw DomainException.invalid("signing.register.untrusted", serial);
        }
        String thumbprint = thumbprint(certificate);
        if (certificates.isRegistered(thumbprint)) {
            throw DomainException.conflict("signing.register.already", serial);
        }
        return thumbprint;
    }

    private void audited(
            Official official, SigningAuditAction action, SigningCertificate certificate, String thumbprint) {
        UUID personId = certificate.personId();
        String subjectId = String.valueOf(personId != null ? personId : certificate.unitId());
        Map<String, String> detail = new HashMap<>();
        detail.put("kind", certificate.kind().name());
        detail.put("medium", certificate.medium().name());
        detail.put("certificate", certificate.serialNumber());
        detail.put("certificateSha256", thumbprint);
        detail.put("subject", certificate.subject());
        audit.record(AuditEntry.by(
                official, action, personId != null ? "person" : "unit", subjectId, certificate.unitId(), detail));
    }

    /** Digital signature or non-repudiation among the key usages, when the certificate restricts them. */
    private static boolean fitForSigning(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || usage[0] || usage[1];
    }

    private static String thumbprint(X509Certificate certificate) {
        try {
            return SigningCertificates.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw DomainException.invalid(SigningRefusals.CERTIFICATE_UNREADABLE);
        }
    }
}
