package vn.congvan.handling.drafting;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.Seals;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.SigningRefusals;

/**
 * Issuing (ban hành) the approved and signed document: the clerk, told once the designated signer
 * signed, numbers it, seals it and delivers it to the recipient units of the installation.
 */
@Service
public class Issuing {

    private final Drafts drafts;
    private final DraftReading reading;
    private final DraftTrail trail;
    private final DocumentFiles documents;
    private final Registrations registrations;
    private final Seals seals;
    private final Deliveries deliveries;
    private final IssuedDocumentChanges changes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final vn.congvan.handling.incoming.IncomingHandling handling;

    Issuing(
            Drafts drafts,
            DraftReading reading,
            DraftTrail trail,
            DocumentFiles documents,
            Registrations registrations,
            Seals seals,
            Deliveries deliveries,
            IssuedDocumentChanges changes,
            TransactionTemplate transactions,
            Clock clock,
            vn.congvan.handling.incoming.IncomingHandling handling) {
        this.handling = handling;
        this.drafts = drafts;
        this.reading = reading;
        this.trail = trail;
        this.documents = documents;
        this.registrations = registrations;
        this.seals = seals;
        this.deliveries = deliveries;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The clerk issues the approved and signed document: numbers it, seals it with the unit's
     * server-held key unless told it will be sealed otherwise, and delivers it to the recipient
     * units of the installation. Signing happens outside any transaction (it takes seconds); a
     * retry after a failure goes on from where the first attempt stopped.
     */
    public DraftView issue(Official clerk, UUID draftId, boolean sealWithServerKey) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        if (!clerk.holds(Role.CLERK, draft.unitId())) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
        draft.requireState(DraftState.APPROVED);
        UUID documentId = draft.documentId();
        if (documentId == null) {
            throw DomainException.conflict(
                    "handling.draft.state.not-allowed", draft.state().name());
        }
        DocumentView document = documents.readable(clerk, documentId);
        if (sealWithServerKey && !seals.serverHoldsSealOf(draft.unitId())) {
            throw DomainException.conflict(SigningRefusals.NO_UNIT_CERTIFICATE);
        }
        boolean numberedNow = document.status() == DocumentStatus.PREPARED;
        if (numberedNow) {
            // Only the signature of the signer the route designated allows the issue, not any leader's.
            UUID signerId = draft.signerId();
            if (signerId == null || !seals.personallySignedBy(clerk, documentId, signerId)) {
                throw DomainException.conflict("handling.issue.not-signed");
            }
            registrations.number(documentId, clerk);
        }
        // A document numbered just now carries no seal yet; a retry after a seal that failed seals
        // now, one that sealed already does not seal twice (only a retry validates the PDF for it).
        if (sealWithServerKey && (numberedNow || !seals.sealed(clerk, documentId))) {
            seals.seal(clerk, documentId);
        }
        DraftView issuedDraft = transactions.execute(tx -> {
            Draft locked = drafts.lock(draftId).orElseThrow();
            locked.issued();
            drafts.save(locked, clock.instant());
            trail.doneForEveryone("draft.to-issue", locked);
            DocumentView issued = documents.readable(clerk, documentId);
            int delivered = deliveries.deliver(issued, clock.instant());
            trail.tellArrived(
                    issued,
                    deliveries.ofDocument(documentId).stream()
                            .filter(r -> !issued.unitId().equals(r.recipientUnitId()))
                            .toList());
            trail.record(
                    clerk,
                    locked,
                    HandlingAuditAction.DRAFT_ISSUED,
                    Map.of("notation", String.valueOf(issued.notation()), "delivered", Integer.toString(delivered)));
            trail.recordOnDocument(
                    clerk,
                    HandlingAuditAction.DOCUMENT_DELIVERED,
                    documentId,
                    issued.unitId(),
                    Map.of("recipients", Integer.toString(delivered)));
            if (locked.replacesId() != null) {
                changes.replace(clerk, locked.replacesId(), issued);
            }
            drafts.answered(draftId).ifPresent(incoming -> handling.replyIssued(incoming, documentId));

            return reading.view(locked);
        });
        fileInDossier(clerk, draftId, documentId);
        return issuedDraft;
    }

    /**
     * Files the issued document in the draft's work dossier, in a transaction of its own: a dossier
     * closed since the draft was written leaves the document issued, to be filed by hand.
     */
    private void fileInDossier(Official clerk, UUID draftId, UUID documentId) {
        drafts.dossierOf(draftId).ifPresent(dossier -> {
            try {
                transactions.executeWithoutResult(tx -> registrations.file(dossier, documentId, clerk));
            } catch (DomainException e) {
                // Recorded on the dossier's side by its absence; the issue itself stands.
            }
        });
    }

    /** Once the signer signed the prepared document, the draft waits for the clerk only. */
    @ApplicationModuleListener
    void on(DocumentSigned signed) {
        if (signed.kind() != SignatureKind.PERSONAL) {
            return;
        }
        drafts.ofDocument(signed.documentId())
                .flatMap(drafts::lock)
                .filter(draft -> signed.signedBy().equals(draft.signerId()))
                .ifPresent(draft -> {
                    boolean first = draft.signedAt() == null;
                    draft.signed(signed.signingTime());
                    drafts.save(draft, clock.instant());
                    if (first && draft.signedAt() != null) {
                        trail.doneForEveryone("draft.to-sign", draft);
                        trail.tellClerks(draft, "draft.to-issue");
                    }
                });
    }
}
