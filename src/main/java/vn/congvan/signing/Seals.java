package vn.congvan.signing;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.congvan.shared.Official;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.FileSealing;
import vn.congvan.signing.document.SignatureRequest;

/**
 * What the issuing of a document asks of signing: whether the competent person has signed it, and
 * the organization signature (the seal) the clerk applies with the unit's server-held key once the
 * document is numbered.
 */
@Service
public class Seals {

    private final DocumentSigning signing;
    private final vn.congvan.signing.keys.SigningCertificates certificates;
    private final FileSealing files;

    Seals(DocumentSigning signing, vn.congvan.signing.keys.SigningCertificates certificates, FileSealing files) {
        this.signing = signing;
        this.certificates = certificates;
        this.files = files;
    }

    /** Whether the unit's organization key is held by the server (a PKCS#12 store or an HSM), so it can seal now. */
    public boolean serverHoldsSealOf(UUID unitId) {
        return certificates.organizationOf(unitId).isPresent();
    }

    /** Whether the document's main PDF already carries a valid organization signature. */
    public boolean sealed(Official official, UUID documentId) {
        return signing.sealed(official, documentId);
    }

    /** Whether the document's main PDF carries a valid personal signature now. */
    public boolean personallySigned(Official official, UUID documentId) {
        return signing.personallySigned(official, documentId);
    }

    /**
     * Whether the document's main PDF carries a valid personal signature of {@code signerId} (by a
     * certificate registered to them): a signature by anyone else does not allow the issue.
     */
    public boolean personallySignedBy(Official official, UUID documentId, UUID signerId) {
        return signing.personallySignedBy(official, documentId, signerId);
    }

    /** The clerk seals the numbered document's main PDF with the unit's server-held key. */
    public void seal(Official clerk, UUID documentId) {
        signing.sign(new SignatureRequest(documentId, SignatureKind.ORGANIZATION, null, null, null, null, null), clerk);
    }

    /**
     * Seals a PDF the installation produced itself (a report of {@code subjectType}/{@code subjectId})
     * with the unit's server-held organization key, writing the signed PDF to {@code target}; the
     * key's use is audited. Refused ({@code signing.certificate.none-for-unit}) when the server holds
     * no organization key of the unit.
     */
    public void sealFile(UUID unitId, Path pdf, Path target, String reason, String subjectType, String subjectId) {
        files.seal(unitId, pdf, target, reason, subjectType, subjectId);
    }
}
