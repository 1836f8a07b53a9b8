package vn.congvan.handling.drafting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.RecipientState;
import vn.congvan.handling.notices.HandlingNotices;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/** What a step on a draft or its document leaves behind: the audit record, and notices to whoever acts next. */
@Component
class DraftTrail {

    private final AuditTrail audit;
    private final HandlingNotices notices;
    private final UnitPeople people;

    DraftTrail(AuditTrail audit, HandlingNotices notices, UnitPeople people) {
        this.audit = audit;
        this.notices = notices;
        this.people = people;
    }

    /** Audited on the draft, with the state the step left it in. */
    void record(Official official, Draft draft, HandlingAuditAction action, Map<String, String> details) {
        Map<String, String> all = new TreeMap<>(details);
        all.put("state", draft.state().name());
        audit.record(AuditEntry.by(official, action, "draft", draft.id().toString(), draft.unitId(), all));
    }

    /** Audited on the document the draft became. */
    void recordOnDocument(
            Official official, HandlingAuditAction action, UUID documentId, UUID unitId, Map<String, String> details) {
        audit.record(AuditEntry.by(official, action, "document", documentId.toString(), unitId, details));
    }

    /** The official's step on the draft did the work their notices about it announced. */
    void done(Official actor, Draft draft) {
        notices.done(actor.personId(), link(draft));
    }

    /** Work on the draft several were told of (kind), done by one. */
    void doneForEveryone(String kind, Draft draft) {
        notices.doneForEveryone(kind, link(draft));
    }

    private static String link(Draft draft) {
        return "/drafts/" + draft.id();
    }

    void tell(List<@Nullable UUID> people, @Nullable Official actor, String kind, Draft draft) {
        notices.tell(
                people,
                actor == null ? null : actor.personId(),
                kind,
                draft.subject(),
                link(draft),
                draft.priority().isUrgent());
    }

    /** The clerks of the draft's unit, who act next on it. */
    void tellClerks(Draft draft, String kind) {
        tell(people.of(draft.unitId()).holding(Role.CLERK, null), null, kind, draft);
    }

    void tellClerks(UUID unitId, @Nullable UUID actor, String kind, String subject, String link, boolean urgent) {
        notices.tell(people.of(unitId).holding(Role.CLERK, null), actor, kind, subject, link, urgent);
    }

    /** The clerks of each unit the document has just reached are told it waits in their tray. */
    void tellArrived(DocumentView document, List<RecipientState> reached) {
        for (RecipientState r : reached) {
            UUID unit = r.recipientUnitId();
            if (unit != null) {
                tellClerks(
                        unit,
                        null,
                        "document.arrived",
                        document.metadata().subject(),
                        WaitingArrival.linkTo(r.deliveryId()),
                        document.urgent());
            }
        }
    }
}
