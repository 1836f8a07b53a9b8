package vn.congvan.signing;

import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.congvan.shared.Official;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.remote.RemoteSignature;
import vn.congvan.signing.remote.RemoteSigning;

/**
 * What approving a draft asks of signing: whether the server holds the approver's personal key,
 * or a remote signing service (PKI SIM) does, and the approver's personal signature with it on
 * the prepared document, by every rule of signing on any other channel.
 */
@Service
public class PersonalSignatures {

    private final DocumentSigning signing;
    private final RemoteSigning remote;

    PersonalSignatures(DocumentSigning signing, RemoteSigning remote) {
        this.signing = signing;
        this.remote = remote;
    }

    /** Whether the server holds a personal key of the official's, valid now. */
    public boolean serverHoldsKeyOf(Official official) {
        return signing.holdsPersonalKey(official);
    }

    /** The official signs the document's main PDF personally with their server-held key. */
    public void sign(Official official, UUID documentId) {
        signing.sign(personal(documentId), official);
    }

    /** Whether the official may sign personally on the phone: a PKI SIM (or remote) certificate, valid now. */
    public boolean phoneHoldsKeyOf(Official official) {
        return remote.offeredPersonally(official);
    }

    /**
     * Starts the official's personal signature of the document's main PDF on the phone (PKI SIM);
     * returns the page where the official waits for the confirmation.
     */
    public String startOnPhone(Official official, UUID documentId) {
        RemoteSignature started = remote.start(personal(documentId), null, official, LocaleContextHolder.getLocale());
        return "/remote-signatures/" + started.id();
    }

    private static SignatureRequest personal(UUID documentId) {
        return new SignatureRequest(documentId, SignatureKind.PERSONAL, null, null, null, null, null);
    }
}
