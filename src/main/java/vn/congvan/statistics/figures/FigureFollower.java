package vn.congvan.statistics.figures;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.handling.IncomingCaseChanged;
import vn.congvan.registry.DocumentRegistered;
import vn.congvan.registry.DocumentRevoked;
import vn.congvan.registry.DossierClosed;
import vn.congvan.registry.FileVersionAdded;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.SignaturesValidated;

/**
 * Keeps the figures in step with the documents: every event that may change what a document or
 * dossier counts refreshes it from the source tables. A refresh counts the subject as it stands,
 * so an event handed again (the publication registry retries after a crash) changes nothing.
 */
@Component
class FigureFollower {

    private final FigureStore store;

    FigureFollower(FigureStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(DocumentRegistered registered) {
        store.refreshDocument(registered.documentId());
    }

    @ApplicationModuleListener
    void on(DocumentRevoked revoked) {
        store.refreshDocument(revoked.documentId());
    }

    @ApplicationModuleListener
    void on(FileVersionAdded added) {
        store.refreshDocument(added.documentId());
    }

    @ApplicationModuleListener
    void on(DocumentSigned signed) {
        store.refreshDocument(signed.documentId());
    }

    @ApplicationModuleListener
    void on(SignaturesValidated validated) {
        store.refreshContent(validated.sha256());
    }

    @ApplicationModuleListener
    void on(IncomingCaseChanged changed) {
        store.refreshDocument(changed.documentId());
    }

    @ApplicationModuleListener
    void on(DossierClosed closed) {
        store.refreshDossier(closed.dossierId());
    }
}
