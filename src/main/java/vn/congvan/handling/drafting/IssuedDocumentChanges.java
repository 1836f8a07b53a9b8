package vn.congvan.handling.drafting;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.RecipientState;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Changing an issued document: revoking it (thu hồi), replacing it by a newer one, updating its
 * recipients; the recipients' copies follow and their clerks are asked to answer.
 */
@Service
public class IssuedDocumentChanges {

    private final Drafts drafts;
    private final DraftReading reading;
    private final DraftTrail trail;
    private final DocumentFiles documents;
    private final Registrations registrations;
    private final Deliveries deliveries;
    private final Clock clock;

    IssuedDocumentChanges(
            Drafts drafts,
            DraftReading reading,
            DraftTrail trail,
            DocumentFiles documents,
            Registrations registrations,
            Deliveries deliveries,
            Clock clock) {
        this.drafts = drafts;
        this.reading = reading;
        this.trail = trail;
        this.documents = documents;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The clerk or a leader of the issuing unit revokes an issued document; recipients' copies follow. */
    @Transactional
    public DraftView revoke(Official official, UUID documentId, String reason) {
        UUID draftId =
                drafts.ofDocument(documentId).orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        Draft draft = reading.locked(official, draftId);
        if (!official.holds(Role.CLERK, draft.unitId()) && !official.holds(Role.LEADER, draft.unitId())) {
            throw DomainException.forbidden("handling.revoke.not-allowed");
        }
        String text = Draft.comment(reason);
        draft.revoked();
        drafts.save(draft, clock.instant());
        registrations.revoke(documentId, text, official);
        var followed = deliveries.revoke(documentId, text, official, clock.instant());
        askToRevoke(followed, official);
        trail.record(
                official,
                draft,
                HandlingAuditAction.DRAFT_REVOKED,
                Map.of("reason", text, "recipients", Integer.toString(followed.size())));
        return reading.view(draft);
    }

    /**
     * The clerk updates the recipients of an issued document (edXML business type 2): units added
     * receive it at once, units removed have it revoked in their tray or their register.
     */
    @Transactional
    public List<RecipientState> updateRecipients(
            Official clerk, UUID documentId, List<UUID> added, List<UUID> removed, String reason) {
        DocumentView document = documents.readable(clerk, documentId);
        if (!clerk.holds(Role.CLERK, document.unitId())) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
        if (document.status() != DocumentStatus.ISSUED) {
            throw DomainException.conflict("handling.update.not-issued");
        }
        String text = Draft.comment(reason);
        for (UUID unit : added) {
            if (unit.equals(document.unitId())) {
                throw DomainException.invalid("handling.update.own-unit");
            }
            registrations.addRecipient(documentId, unit, clerk);
        }
        DocumentView updated = documents.readable(clerk, documentId);
        deliveries.deliver(updated, clock.instant());
        trail.tellArrived(
                updated,
                deliveries.ofDocument(documentId).stream()
                        .filter(r -> r.recipientUnitId() != null && added.contains(r.recipientUnitId()))
                        .toList());
        for (UUID unit : removed) {
            askToRevoke(deliveries.revoke(documentId, unit, text, clerk, clock.instant()), clerk);
        }
        trail.recordOnDocument(
                clerk,
                HandlingAuditAction.RECIPIENTS_UPDATED,
                documentId,
                document.unitId(),
                Map.of(
                        "reason",
                        text,
                        "added",
                        Integer.toString(added.size()),
                        "removed",
                        Integer.toString(removed.size())));
        return deliveries.ofDocument(documentId);
    }

    /**
     * The document issued just now replaces an earlier one: that one is revoked, as are its
     * recipients' copies, with the new number as the reason.
     */
    void replace(Official clerk, UUID replacedId, DocumentView by) {
        DocumentView replaced = documents.readable(clerk, replacedId);
        if (replaced.status() != DocumentStatus.ISSUED) {
            return;
        }
        String reason = "Thay thế bằng văn bản số " + by.notation();
        registrations.revoke(replacedId, reason, clerk);
        askToRevoke(deliveries.revoke(replacedId, reason, clerk, clock.instant()), clerk);
        drafts.ofDocument(replacedId).flatMap(drafts::lock).ifPresent(old -> {
            old.revoked();
            drafts.save(old, clock.instant());
        });
        trail.recordOnDocument(
                clerk,
                HandlingAuditAction.DOCUMENT_REPLACED,
                replacedId,
                replaced.unitId(),
                Map.of("notation", String.valueOf(by.notation())));
    }

    /** The clerks of the recipients that registered a copy are asked to answer the revocation. */
    private void askToRevoke(List<RecipientState> followed, Official by) {
        for (var d : followed) {
            if (d.incomingDocumentId() != null) {
                trail.tellClerks(
                        Objects.requireNonNull(d.recipientUnitId(), "a registered copy is in a unit"),
                        by.personId(),
                        "delivery.revoke-requested",
                        registrations
                                .find(d.documentId())
                                .orElseThrow()
                                .metadata()
                                .subject(),
                        WaitingArrival.linkTo(d.deliveryId()),
                        false);
            }
        }
    }
}
