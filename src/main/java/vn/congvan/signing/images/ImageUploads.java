package vn.congvan.signing.images;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.SigningAuditAction;
import vn.congvan.signing.SigningRefusals;

/**
 * Uploads of signature and seal images: a person's signature image by the person, a unit's seal
 * image by its clerk, who keeps the seal (or by the administrator); each upload is audited.
 */
@Service
public class ImageUploads {

    private final SignatureImages images;
    private final Directory directory;
    private final AuditTrail audit;

    ImageUploads(SignatureImages images, Directory directory, AuditTrail audit) {
        this.images = images;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public TransparentPng uploadSignature(Official official, UUID personId, byte[] bytes) {
        if (!official.personId().equals(personId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.image.own-only");
        }
        directory.findPerson(personId).orElseThrow(() -> DomainException.notFound(SigningRefusals.PERSON_NOT_FOUND));
        TransparentPng png = TransparentPng.of(bytes);
        String sha256 = images.keep(personId, ImageKind.SIGNATURE, png, official.personId());
        audit.record(AuditEntry.by(
                official,
                SigningAuditAction.SIGNATURE_IMAGE_UPLOADED,
                "person",
                personId.toString(),
                null,
                Map.of("sha256", sha256, "size", png.width() + "x" + png.height())));
        return png;
    }

    @Transactional
    public TransparentPng uploadSeal(Official official, UUID unitId, byte[] bytes) {
        if (!official.holds(Role.CLERK, unitId) && !official.isAdministrator()) {
            throw DomainException.forbidden("signing.organization.clerk-only");
        }
        directory.unit(unitId);
        TransparentPng png = TransparentPng.of(bytes);
        String sha256 = images.keep(unitId, ImageKind.SEAL, png, official.personId());
        audit.record(AuditEntry.by(
                official,
                SigningAuditAction.SEAL_IMAGE_UPLOADED,
                "unit",
                unitId.toString(),
                unitId,
                Map.of("sha256", sha256, "size", png.width() + "x" + png.height())));
        return png;
    }
}
