package vn.congvan.registry.document;

import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Who may read and act on a document: the members of its unit; the administrator and provincial
 * monitors read every unit's; a secret document only by explicit grant.
 */
@Component
public class DocumentAccess {

    private final Documents documents;

    DocumentAccess(Documents documents) {
        this.documents = documents;
    }

    public boolean canRead(Official official, DocumentView document) {
        if (document.secret()) {
            return documents.granted(document.id(), official.personId());
        }
        return seesEveryUnit(official) || official.belongsTo(document.unitId());
    }

    /** The document, when the official may read it; otherwise the same not-found as a missing one. */
    public DocumentView readable(Official official, UUID documentId) {
        return documents
                .find(documentId)
                .filter(d -> canRead(official, d))
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.DOCUMENT_NOT_FOUND, documentId));
    }

    public static boolean seesEveryUnit(Official official) {
        return official.isAdministrator() || official.isProvincialMonitor();
    }

    /** Only the unit's clerk (văn thư) registers and numbers its documents. */
    public static void requireClerk(Official official, UUID unitId) {
        if (!official.holds(Role.CLERK, unitId)) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
    }
}
