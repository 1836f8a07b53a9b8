package vn.congvan.signing;

import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.congvan.shared.Official;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.SignatureRequest;

/**
 * What the issuing of a document asks of signing: whether the competent person has signed it, and
 * the organization signature (the seal) the clerk applies with the unit's server-held key once the
 * document is numbered.
 */
@Service
public class Seals {

    private final DocumentSigning signing;

    Seals(DocumentSigning signing) {
        this.signing = signing;
    }

    /** Whether the document's main PDF carries a valid personal signature now. */
    public boolean personallySigned(Official official, UUID documentId) {
        return signing.personallySigned(official, documentId);
    }

    /** The clerk seals the numbered document's main PDF with the unit's server-held key. */
    public void seal(Official clerk, UUID documentId) {
        signing.sign(new SignatureRequest(documentId, SignatureKind.ORGANIZATION, null, null, null, null, null), clerk);
    }
}
