package vn.congvan.signing;

import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.congvan.shared.Official;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.SignatureRequest;

/**
 * What approving a draft asks of signing: whether the server holds the approver's personal key,
 * and the approver's personal signature with it on the prepared document, by every rule of
 * signing on any other channel.
 */
@Service
public class PersonalSignatures {

    private final DocumentSigning signing;

    PersonalSignatures(DocumentSigning signing) {
        this.signing = signing;
    }

    /** Whether the server holds a personal key of the official's, valid now. */
    public boolean serverHoldsKeyOf(Official official) {
        return signing.holdsPersonalKey(official);
    }

    /** The official signs the document's main PDF personally with their server-held key. */
    public void sign(Official official, UUID documentId) {
        signing.sign(new SignatureRequest(documentId, SignatureKind.PERSONAL, null, null, null, null, null), official);
    }
}
