package vn.congvan.exchange.outside;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.exchange.ExchangeRefusals;
import vn.congvan.exchange.axis.AxisOutbox;
import vn.congvan.exchange.axis.AxisPackageKind;
import vn.congvan.exchange.axis.OutgoingPackage;
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.handling.RecipientState;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentRevoked;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.SignatureKind;
import vn.congvan.storage.StoredBlob;

/**
 * Sends issued documents to their recipients outside the installation through the axis outbox: at
 * once when the organization's seal is applied, or when the clerk asks; each recipient organ gets a
 * document once. A revoked document is followed by a revoke package to whoever has not refused it.
 */
@Service
public class Sending {

    private static final String AXIS = "Trục liên thông";

    private final Registrations registrations;
    private final DocumentFiles documents;
    private final Directory directory;
    private final DocumentPackages packages;
    private final PackageBlobs blobs;
    private final AxisOutbox outbox;
    private final OutsideDeliveries deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    Sending(
            Registrations registrations,
            DocumentFiles documents,
            Directory directory,
            DocumentPackages packages,
            PackageBlobs blobs,
            AxisOutbox outbox,
            OutsideDeliveries deliveries,
            AuditTrail audit,
            Clock clock) {
        this.registrations = registrations;
        this.documents = documents;
        this.directory = directory;
        this.packages = packages;
        this.blobs = blobs;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The clerk sends an issued document to its outside recipients that have not had it yet. */
    @Transactional
    public List<RecipientState> send(Official clerk, UUID documentId) {
        DocumentView d = documents.readable(clerk, documentId);
        if (!clerk.holds(Role.CLERK, d.unitId())) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
        if (d.direction() != Direction.OUTGOING || d.status() != DocumentStatus.ISSUED) {
            throw DomainException.conflict("exchange.export.not-issued");
        }
        if (!outbox.configured()) {
            throw DomainException.conflict(ExchangeRefusals.AXIS_NOT_CONFIGURED);
        }
        if (outsideRecipients(d).isEmpty()) {
            throw DomainException.invalid("exchange.send.no-outside-recipient");
        }
        sendNew(d, clerk.personId(), clerk.fullName());
        return deliveries.of(documentId);
    }

    /** The organization's seal makes an issued document ready to leave: it goes out at once. */
    @ApplicationModuleListener
    void on(DocumentSigned signed) {
        if (signed.kind() != SignatureKind.ORGANIZATION || !outbox.configured()) {
            return;
        }
        registrations
                .find(signed.documentId())
                .filter(d -> d.direction() == Direction.OUTGOING && d.status() == DocumentStatus.ISSUED)
                .ifPresent(d -> sendNew(d, null, AXIS));
    }

    /** A revoked document: the outside recipients that have it are asked to revoke it (13). */
    @ApplicationModuleListener
    void on(DocumentRevoked revoked) {
        if (revoked.direction() != Direction.OUTGOING || !outbox.configured()) {
            return;
        }
        DocumentView d = registrations.find(revoked.documentId()).orElseThrow();
        List<RecipientState> asked = new ArrayList<>();
        for (RecipientState r : deliveries.of(d.id())) {
            if (!r.state().equals("REFUSED") && !r.state().equals("REVOKED") && r.organId() != null) {
                asked.add(r);
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        List<Organisation> to = asked.stream()
                .map(r -> Organisation.of(Objects.requireNonNull(r.organId(), "asked above"), r.recipientName()))
                .toList();
        enqueue(d, to, BusinessDocType.REVOKE, revoked.reason());
        for (RecipientState r : asked) {
            deliveries.moved(r.deliveryId(), "REVOKE_REQUESTED", "13", revoked.reason(), clock.instant());
        }
        audit.record(new AuditEntry(
                ExchangeAuditAction.REVOCATION_SENT_OUTSIDE,
                "document",
                d.id().toString(),
                d.unitId(),
                null,
                AXIS,
                Map.of("recipients", Integer.toString(asked.size()))));
    }

    private void sendNew(DocumentView d, @Nullable UUID actorId, String actorName) {
        List<Organisation> fresh = new ArrayList<>();
        for (DocumentView.RecipientView r : outsideRecipients(d)) {
            String organId = Objects.requireNonNull(r.organId(), "an outside recipient has an organ code");
            if (deliveries.queue(d.id(), organId, r.organName(), clock.instant())) {
                fresh.add(Organisation.of(organId, r.organName()));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        enqueue(d, fresh, BusinessDocType.NEW, "");
        audit.record(new AuditEntry(
                ExchangeAuditAction.SENT_OUTSIDE,
                "document",
                d.id().toString(),
                d.unitId(),
                actorId,
                actorName,
                Map.of(
                        "recipients",
                        String.join(
                                ", ",
                                fresh.stream().map(Organisation::organName).toList()))));
    }

    private void enqueue(DocumentView d, List<Organisation> to, BusinessDocType type, String reason) {
        StoredBlob blob = blobs.store(packages.of(d, to, type, reason));
        outbox.enqueue(new OutgoingPackage(
                AxisPackageKind.DOCUMENT,
                String.valueOf(d.documentId()),
                blob.sha256(),
                blob.size(),
                to.stream().map(Organisation::organId).toList(),
                d.id().toString()));
    }

    /** Recipients known by an organ code that is not a unit of the installation. */
    private List<DocumentView.RecipientView> outsideRecipients(DocumentView d) {
        return d.recipients().stream()
                .filter(r -> r.unitId() == null
                        && r.organId() != null
                        && !r.organId().isBlank())
                .filter(r -> directory
                        .findUnitByCode(Objects.requireNonNull(r.organId(), "filtered above"))
                        .isEmpty())
                .toList();
    }
}
