package vn.congvan.handling.drafting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.IncomingCaseChanged;
import vn.congvan.handling.RecipientState;
import vn.congvan.handling.notices.HandlingNotices;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.StoredFile;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * Documents issued by one unit to another of the installation: the receiving clerk's tray, where
 * each is registered (with the sender's files and metadata) or refused with a reason for the
 * sender; and what the sender sees of each recipient.
 */
@Service
public class Arrivals {

    private final Deliveries deliveries;
    private final Registrations registrations;
    private final DocumentFiles documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final HandlingNotices notices;
    private final vn.congvan.directory.Directory directory;
    private final org.springframework.beans.factory.ObjectProvider<vn.congvan.handling.OutsideRecipients> outside;

    Arrivals(
            Deliveries deliveries,
            Registrations registrations,
            DocumentFiles documents,
            AuditTrail audit,
            Clock clock,
            HandlingNotices notices,
            vn.congvan.directory.Directory directory,
            org.springframework.beans.factory.ObjectProvider<vn.congvan.handling.OutsideRecipients> outside) {
        this.outside = outside;
        this.notices = notices;
        this.directory = directory;
        this.deliveries = deliveries;
        this.registrations = registrations;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What waits in the trays of the units where the official is a clerk. */
    @Transactional(readOnly = true)
    public List<RecipientState> tray(Official clerk) {
        UUID[] units = clerk.unitsWhere(Role.CLERK).toArray(new UUID[0]);
        return units.length == 0 ? List.of() : deliveries.arrivedFor(units);
    }

    /** The sender's document behind a delivery, for a clerk of the recipient unit. */
    @Transactional(readOnly = true)
    public DocumentView arrived(Official clerk, UUID deliveryId) {
        RecipientState d = deliveryFor(clerk, deliveryId);
        return registrations.find(d.documentId()).orElseThrow();
    }

    /** The receiving clerk registers the arrival: an incoming document with the sender's files and facts. */
    @Transactional
    public DocumentView register(Official clerk, UUID deliveryId) {
        RecipientState d = lockedArrival(clerk, deliveryId);
        DocumentView sent = registrations.find(d.documentId()).orElseThrow();
        List<StoredFile> files = sent.files().stream()
                .map(f -> new StoredFile(f.sha256(), f.fileName(), f.contentType(), f.size()))
                .toList();
        UUID unitId = Objects.requireNonNull(d.recipientUnitId(), "the clerk's unit, checked by deliveryFor");
        DocumentMetadata sender = sent.metadata();
        // The recipient keeps the sender's description, less the sender's own notes and places sent to.
        DocumentMetadata described = new DocumentMetadata(
                sender.typeName(),
                sender.codeNumber(),
                sender.codeNotation(),
                sender.issuedDate(),
                sender.organId(),
                sent.unitName(),
                sender.subject(),
                sender.language(),
                sender.pageAmount(),
                null,
                sender.signer(),
                sender.priority(),
                // A secret document arrives secret: registered in the secret series, read only by grant.
                sender.confidentiality(),
                null,
                sender.dueDate(),
                null);
        IncomingMetadata m = IncomingMetadata.of(
                unitId,
                described,
                OffsetDateTime.ofInstant(d.sentAt(), VietnamTime.ZONE),
                sent.documentId(),
                false,
                true,
                "delivery:" + deliveryId);
        DocumentView incoming = registrations.registerArrival(m, files.get(0), files.subList(1, files.size()), clerk);
        deliveries.registered(deliveryId, incoming.id(), clock.instant());
        notices.doneForEveryone(WaitingArrival.linkTo(deliveryId));
        audit.record(AuditEntry.by(
                clerk,
                HandlingAuditAction.DELIVERY_REGISTERED,
                "document",
                d.documentId().toString(),
                d.recipientUnitId(),
                Map.of("recipient", d.recipientName(), "arrivalNumber", String.valueOf(incoming.arrivalNumber()))));
        return incoming;
    }

    /** The receiving clerk refuses the arrival (misaddressed, invalid signature): the sender sees why. */
    @Transactional
    public RecipientState refuse(Official clerk, UUID deliveryId, String reason) {
        RecipientState d = lockedArrival(clerk, deliveryId);
        String text = Draft.comment(reason);
        deliveries.refused(deliveryId, text, clock.instant());
        notices.doneForEveryone(WaitingArrival.linkTo(deliveryId));
        audit.record(AuditEntry.by(
                clerk,
                HandlingAuditAction.DELIVERY_REFUSED,
                "document",
                d.documentId().toString(),
                d.recipientUnitId(),
                Map.of("recipient", d.recipientName(), "reason", text)));
        DocumentView sent = registrations.find(d.documentId()).orElseThrow();
        notices.tell(
                new UnitStaff(sent.unitId(), directory.people(sent.unitId())).holding(Role.CLERK, null),
                clerk.personId(),
                "delivery.refused",
                sent.metadata().subject(),
                "/documents/" + sent.id(),
                sent.urgent());
        return deliveries.find(deliveryId).orElseThrow();
    }

    /** The senders' requests to revoke copies registered by the units where the official is a clerk. */
    @Transactional(readOnly = true)
    public List<RecipientState> revocationRequests(Official clerk) {
        UUID[] units = clerk.unitsWhere(Role.CLERK).toArray(new UUID[0]);
        return units.length == 0 ? List.of() : deliveries.revocationRequestsFor(units);
    }

    /** The receiving clerk accepts the sender's revocation (15): the registered copy is revoked. */
    @Transactional
    public RecipientState acceptRevocation(Official clerk, UUID deliveryId) {
        RecipientState d = lockedRevocationRequest(clerk, deliveryId);
        registrations.revoke(
                Objects.requireNonNull(d.incomingDocumentId(), "checked by lockedRevocationRequest"),
                d.reason() == null ? "" : d.reason(),
                clerk);
        deliveries.revocationAnswered(deliveryId, true, null, clock.instant());
        notices.doneForEveryone(WaitingArrival.linkTo(deliveryId));
        audit.record(AuditEntry.by(
                clerk,
                HandlingAuditAction.DELIVERY_REVOKED,
                "document",
                d.documentId().toString(),
                d.recipientUnitId(),
                Map.of("recipient", d.recipientName())));
        return deliveries.find(deliveryId).orElseThrow();
    }

    /** The receiving clerk refuses the sender's revocation (16) with a reason; the copy stays. */
    @Transactional
    public RecipientState refuseRevocation(Official clerk, UUID deliveryId, String reason) {
        RecipientState d = lockedRevocationRequest(clerk, deliveryId);
        String text = Draft.comment(reason);
        deliveries.revocationAnswered(deliveryId, false, text, clock.instant());
        notices.doneForEveryone(WaitingArrival.linkTo(deliveryId));
        audit.record(AuditEntry.by(
                clerk,
                HandlingAuditAction.DELIVERY_REVOCATION_REFUSED,
                "document",
                d.documentId().toString(),
                d.recipientUnitId(),
                Map.of("recipient", d.recipientName(), "reason", text)));
        DocumentView sent = registrations.find(d.documentId()).orElseThrow();
        notices.tell(
                new UnitStaff(sent.unitId(), directory.people(sent.unitId())).holding(Role.CLERK, null),
                clerk.personId(),
                "delivery.revocation-refused",
                sent.metadata().subject(),
                "/documents/" + sent.id(),
                false);
        return deliveries.find(deliveryId).orElseThrow();
    }

    /** Each recipient's state of an issued document, for whoever may read it. */
    @Transactional(readOnly = true)
    public List<RecipientState> recipientStates(Official official, UUID documentId) {
        documents.readable(official, documentId);
        List<RecipientState> all = new java.util.ArrayList<>(deliveries.ofDocument(documentId));
        outside.ifAvailable(o -> all.addAll(o.of(documentId)));
        return all;
    }

    @ApplicationModuleListener
    void on(IncomingCaseChanged changed) {
        deliveries.follow(changed.documentId(), changed.state(), changed.reason(), Instant.now(clock));
    }

    private RecipientState lockedArrival(Official clerk, UUID deliveryId) {
        deliveryFor(clerk, deliveryId);
        RecipientState d = deliveries.lock(deliveryId).orElseThrow();
        if (!d.state().equals("ARRIVED")) {
            throw DomainException.conflict("handling.delivery.not-arrived", d.state());
        }
        return d;
    }

    private RecipientState lockedRevocationRequest(Official clerk, UUID deliveryId) {
        deliveryFor(clerk, deliveryId);
        RecipientState d = deliveries.lock(deliveryId).orElseThrow();
        if (!d.state().equals("REVOKE_REQUESTED") || d.incomingDocumentId() == null) {
            throw DomainException.conflict("handling.delivery.no-revocation-request", d.state());
        }
        return d;
    }

    private RecipientState deliveryFor(Official clerk, UUID deliveryId) {
        RecipientState d =
                deliveries.find(deliveryId).orElseThrow(() -> DomainException.notFound("handling.delivery.not-found"));
        if (!clerk.holds(Role.CLERK, d.recipientUnitId())) {
            throw DomainException.notFound("handling.delivery.not-found");
        }
        return d;
    }
}
