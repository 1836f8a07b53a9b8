package vn.congvan.handling.drafting;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Registrations;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.SignatureKind;

/**
 * An outgoing document the clerk numbered without a draft ({@code createOutgoingDocument}, the
 * outgoing form) reaches the units of the installation it names once its unit seals it, as the axis
 * then sends it to the agencies outside; a draft's document reaches them when the draft is issued.
 * Each unit is reached once, and its clerks are told once.
 */
@Component
class SealedOutgoingDelivery {

    private final Drafts drafts;
    private final Registrations registrations;
    private final Deliveries deliveries;
    private final DraftTrail trail;
    private final AuditTrail audit;
    private final Directory directory;
    private final Clock clock;

    SealedOutgoingDelivery(
            Drafts drafts,
            Registrations registrations,
            Deliveries deliveries,
            DraftTrail trail,
            AuditTrail audit,
            Directory directory,
            Clock clock) {
        this.drafts = drafts;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.trail = trail;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DocumentSigned signed) {
        if (signed.kind() != SignatureKind.ORGANIZATION
                || drafts.ofDocument(signed.documentId()).isPresent()) {
            return;
        }
        registrations
                .find(signed.documentId())
                .filter(d -> d.direction() == Direction.OUTGOING && d.status() == DocumentStatus.ISSUED)
                .ifPresent(document -> deliver(document, signed.signedBy()));
    }

    private void deliver(DocumentView document, UUID sealedBy) {
        List<UUID> reached = deliveries.deliverNew(document, clock.instant());
        if (reached.isEmpty()) {
            return;
        }
        trail.tellArrived(
                document,
                deliveries.ofDocument(document.id()).stream()
                        .filter(r -> r.recipientUnitId() != null && reached.contains(r.recipientUnitId()))
                        .toList());
        audit.record(new AuditEntry(
                HandlingAuditAction.DOCUMENT_DELIVERED,
                "document",
                document.id().toString(),
                document.unitId(),
                sealedBy,
                directory.findPerson(sealedBy).map(PersonView::fullName).orElse(sealedBy.toString()),
                Map.of("recipients", Integer.toString(reached.size()))));
    }
}
