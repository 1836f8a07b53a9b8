package vn.congvan.signing.document;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfBounds;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.FileVersionView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.DesignatedSigners;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.PersonNames;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.validation.RevocationStatus;
import vn.congvan.storage.Blobs;

/**
 * The internal regulations on signature use that the software enforces, for every channel alike: a
 * personal signature by the document's designated signer (the last approver of its draft's route,
 * or the person its metadata names) with their own certificate, whose subject names the signer the
 * metadata records; the organization signature by the unit's clerk only, with the unit's own
 * certificate; nothing more on a main file once a seal closed it; never with an expired, not yet
 * valid or revoked certificate.
 */
@Component
class SigningRules {

    /** Who signs a unit's documents in their own name: its head, deputies, and heads of division (TL.). */
    static final Set<Role> COMPETENT = Set.of(Role.LEADER, Role.DEPUTY_LEADER, Role.DIVISION_HEAD);

    /** The reason a file version made by an organization signature carries (see {@link SignedVersions}). */
    static final String SEALED_VERSION =
            "signature." + SignatureKind.ORGANIZATION.name().toLowerCase(Locale.ROOT);

    /** The reason a file version made by a personal signature carries. */
    static final String PERSONALLY_SIGNED_VERSION =
            "signature." + SignatureKind.PERSONAL.name().toLowerCase(Locale.ROOT);

    private final SigningCertificates certificates;
    private final RevocationStatus revocation;
    private final ObjectProvider<DesignatedSigners> designations;
    private final DocumentFiles files;
    private final Blobs blobs;
    private final Clock clock;
    private final PdfBounds bounds;

    SigningRules(
            SigningCertificates certificates,
            RevocationStatus revocation,
            ObjectProvider<DesignatedSigners> designations,
            DocumentFiles files,
            Blobs blobs,
            Clock clock,
            PdfBounds bounds) {
        this.bounds = bounds;
        this.certificates = certificates;
        this.revocation = revocation;
        this.designations = designations;
        this.files = files;
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * Whether the official may apply this kind of signature to the document: by their roles in its
     * unit, and for a personal signature by being its designated signer.
     */
    boolean mayApply(Official official, DocumentView document, SignatureKind kind) {
        return mayApplyByRole(official, document, kind)
                && (kind != SignatureKind.PERSONAL || notTheSigner(official, document) == null);
    }

    /**
     * Whether the server holds a personal key of the official's that is valid now: what signing
     * from a page, without a token or a SIM, needs.
     */
    boolean holdsPersonalKey(Official official) {
        Instant now = clock.instant();
        return certificates
                .personalOf(official.personId())
                .filter(c -> c.heldBy(official.personId()) && !c.expiredAt(now) && !c.notYetValidAt(now))
                .isPresent();
    }

    /** Whether the document's main file takes no more signatures: sealed here, or carrying a seal. */
    boolean mainFileSealed(Official official, DocumentView document) {
        return document.files().stream()
                .filter(f -> f.role().equals("MAIN"))
                .anyMatch(main -> sealed(official, document, main));
    }

    /**
     * Checks everything that does not need the certificate, before any work on the file: who signs
     * which kind, the designated signer, that the file takes signatures still, and that a person
     * signs it personally once. Every channel
     * calls it when a signature starts and again when it is kept.
     */
    void requireMaySign(Official official, DocumentView document, DocumentView.FileView file, SignatureKind kind) {
        requireMayApply(official, document, kind);
        if (kind == SignatureKind.PERSONAL) {
            String refusal = notTheSigner(official, document);
            if (refusal != null) {
                throw DomainException.forbidden(refusal, signerOf(document));
            }
        }
        requireNotSealed(official, document, file);
        if (kind == SignatureKind.PERSONAL
                && !DocumentSigning.isAttachment(file)
                && signedBy(official, document, file)) {
            throw DomainException.conflict("signing.personal.signed-already");
        }
    }

    /**
     * Whether the official's personal signature, made here on any channel, is on the file's
     * content as it stands: a second one would add nothing but an identical signature. Content
     * replaced by anything other than a signature starts afresh.
     */
    boolean signedBy(Official official, DocumentView document, DocumentView.FileView file) {
        boolean signed = false;
        for (FileVersionView version : files.versions(official, document.id(), file.id())) {
            if (!version.reason().startsWith("signature.")) {
                signed = false;
            } else if (version.reason().equals(PERSONALLY_SIGNED_VERSION)
                    && official.personId().equals(version.createdBy())) {
                signed = true;
            }
        }
        return signed;
    }

    /**
     * Why the official is not the document's signer, as a message key, or null when they are: the
     * person the approval route designated, or else the person the metadata names.
     */
    private @Nullable String notTheSigner(Official official, DocumentView document) {
        Optional<UUID> designated = designations
                .orderedStream()
                .map(d -> d.designatedSignerOf(document.id()))
                .flatMap(Optional::stream)
                .findFirst();
        if (designated.isPresent()) {
            return designated.get().equals(official.personId()) ? null : "signing.personal.not-designated";
        }
        String named = document.metadata().signer().fullName();
        return named == null || named.isBlank() || PersonNames.same(named, official.fullName())
                ? null
                : "signing.personal.not-the-named-signer";
    }

    private static String signerOf(DocumentView document) {
        return document.metadata().signer().fullName() == null
                ? ""
                : document.metadata().signer().fullName();
    }

    /**
     * A main file the unit sealed takes no more signature, personal or organization: the seal
     * closes the issued document. Sealed means an organization signature CongVan applied to it, or,
     * but on an electronic copy (which carries its original's seal), any signature of a unit's
     * organization certificate in the PDF. Attachments keep their own rule.
     */
    void requireNotSealed(Official official, DocumentView document, DocumentView.FileView file) {
        if (DocumentSigning.isAttachment(file)) {
            return;
        }
        if (sealed(official, document, file)) {
            throw DomainException.conflict(
                    "signing.document.sealed", document.notation() == null ? "" : document.notation());
        }
    }

    /** Whether the main file was sealed here, or carries a seal of one of our units (a copy form aside). */
    private boolean sealed(Official official, DocumentView document, DocumentView.FileView file) {
        boolean sealedHere = files.versions(official, document.id(), file.id()).stream()
                .anyMatch(version -> version.reason().equals(SEALED_VERSION));
        return sealedHere || (Placements.copyForm(document.documentType()).isEmpty() && carriesASeal(file));
    }

    private boolean carriesASeal(DocumentView.FileView file) {
        return blobs.withLocalFile(file.sha256(), pdf -> {
            for (X509Certificate signer : SignedRevision.signerCertificates(pdf, bounds)) {
                if (certificates.isOrganizationCertificate(thumbprint(signer))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether the official's roles let them apply this kind of signature to the document. */
    private static boolean mayApplyByRole(Official official, DocumentView document, SignatureKind kind) {
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
    SigningCertificate certificateFor(
            Official official, DocumentView document, DocumentView.FileView file, SignatureKind kind) {
        requireMaySign(official, document, file, kind);
        SigningCertificate certificate = kind == SignatureKind.PERSONAL
                ? certificates
                        .personalOf(official.personId())
                        .orElseThrow(() -> DomainException.conflict("signing.certificate.none"))
                : certificates
                        .organizationOf(document.unitId())
                        .orElseThrow(() -> DomainException.conflict(SigningRefusals.NO_UNIT_CERTIFICATE));
        if (kind == SignatureKind.PERSONAL && !certificate.heldBy(official.personId())) {
            throw DomainException.forbidden("signing.certificate.not-holder");
        }
        return requireValidNow(requireNamesTheSigner(document, certificate));
    }

    /**
     * Checks who may sign this document in this way with a key held outside the server: the
     * certificate presented must be registered to the caller (a personal signature) or to the
     * document's unit (the organization signature), by thumbprint.
     */
    SigningCertificate certificateFor(
            Official official,
            DocumentView document,
            DocumentView.FileView file,
            SignatureKind kind,
            X509Certificate presented) {
        return certificateFor(official, document, file, kind, thumbprint(presented));
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return SigningCertificates.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw DomainException.invalid(SigningRefusals.CERTIFICATE_UNREADABLE);
        }
    }

    /** As above, with the presented certificate's SHA-256 thumbprint (hex). */
    SigningCertificate certificateFor(
            Official official,
            DocumentView document,
            DocumentView.FileView file,
            SignatureKind kind,
            String thumbprint) {
        requireMaySign(official, document, file, kind);
        SigningCertificate registered = kind == SignatureKind.PERSONAL
                ? certificates
                        .registeredTo(CertificateKind.PERSONAL, official.personId(), thumbprint)
                        .orElseThrow(() -> DomainException.forbidden("signing.certificate.not-holder"))
                : certificates
                        .registeredTo(CertificateKind.ORGANIZATION, document.unitId(), thumbprint)
                        .orElseThrow(() -> DomainException.forbidden("signing.certificate.not-the-units"));
        return requireValidNow(requireNamesTheSigner(document, registered));
    }

    /**
     * The signer the metadata records (signerFullName) is the one the personal certificate names.
     * A clerk records the name printed under the signature block, which also goes to recipients as
     * edXML SignerInfo: a signature by anyone else is refused rather than the record rewritten, so
     * that the register, the paper and the signature never disagree (ADR 0012).
     */
    private static SigningCertificate requireNamesTheSigner(DocumentView document, SigningCertificate certificate) {
        String named = document.metadata().signer().fullName();
        if (certificate.kind() == CertificateKind.PERSONAL
                && named != null
                && !named.isBlank()
                && !PersonNames.same(certificate.commonName(), named)) {
            throw DomainException.forbidden(
                    "signing.personal.certificate-names-another", certificate.commonName(), named);
        }
        return certificate;
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
        if (!mayApplyByRole(official, document, kind)) {
            throw DomainException.forbidden(
                    kind == SignatureKind.PERSONAL
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
