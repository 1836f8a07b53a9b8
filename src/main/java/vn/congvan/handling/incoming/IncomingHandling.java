package vn.congvan.handling.incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.IncomingCaseChanged;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.notices.HandlingNotices;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * The steps of handling an incoming document, each in one transaction: the case is locked, the
 * step checked and applied by the case itself, and recorded in the audit trail of the document,
 * which is its timeline.
 */
@Service
public class IncomingHandling {

    private final IncomingCases cases;
    private final DocumentFiles documents;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HandlingNotices notices;
    private final vn.congvan.registry.Registrations registrations;

    IncomingHandling(
            IncomingCases cases,
            DocumentFiles documents,
            Directory directory,
            WorkingCalendar calendar,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            HandlingNotices notices,
            vn.congvan.registry.Registrations registrations) {
        this.registrations = registrations;
        this.notices = notices;
        this.cases = cases;
        this.documents = documents;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The clerk presents the document to a leader. A secret document (văn bản mật) goes only to a
     * leader who already holds a grant to read it: the clerk picks such a leader or grants one first.
     */
    @Transactional
    public CaseView present(Official clerk, UUID documentId, UUID leaderId) {
        requireGranted(incoming(clerk, documentId), leaderId);
        return change(clerk, documentId, (c, staff) -> c.present(clerk, leaderId, staff));
    }

    /**
     * The leader assigns the document. For a secret document the leader's naming of the officials
     * is what Decree 30 calls their authorization: each named official is granted its reading, audited.
     */
    @Transactional
    public CaseView assign(Official leader, UUID documentId, Assignment assignment) {
        CaseView assigned = change(leader, documentId, (c, staff) -> {
            Step step = c.assign(leader, assignment, staff, calendar);
            c.assignedAt(clock.instant());
            return step;
        });
        if (documents.readable(leader, documentId).secret()) {
            List<UUID> named = new ArrayList<>();
            named.add(assignment.leadId());
            named.addAll(assignment.cooperatingIds());
            named.addAll(assignment.informedIds());
            for (UUID person : named) {
                documents.grant(leader, documentId, person);
            }
        }
        return assigned;
    }

    /** Hands the document down; a secret one only to an official the leader already let read it. */
    @Transactional
    public CaseView delegate(Official lead, UUID documentId, UUID newLeadId, @Nullable String note) {
        requireGranted(incoming(lead, documentId), newLeadId);
        return change(lead, documentId, (c, staff) -> c.delegate(lead, newLeadId, note, staff));
    }

    @Transactional
    public CaseView recordProgress(Official official, UUID documentId, String note) {
        return change(official, documentId, (c, staff) -> c.recordProgress(official, note, clock.instant()));
    }

    @Transactional
    public CaseView returnBack(Official lead, UUID documentId, String reason) {
        return change(lead, documentId, (c, staff) -> c.returnBack(lead, reason, staff));
    }

    @Transactional
    public CaseView complete(
            Official lead,
            UUID documentId,
            @Nullable String note,
            @Nullable UUID replyDocumentId,
            @Nullable UUID dossierId) {
        if (replyDocumentId != null) {
            requireReply(lead, documentId, replyDocumentId);
        }
        CaseView done = change(
                lead,
                documentId,
                (c, staff) -> c.complete(lead, note, replyDocumentId, clock.instant(), calendar.today()));
        if (dossierId != null) {
            registrations.file(dossierId, documentId, lead);
            if (replyDocumentId != null) {
                registrations.file(dossierId, replyDocumentId, lead);
            }
        }
        return done;
    }

    /**
     * The reply drafted for the incoming document was issued as {@code replyDocumentId}: the handling
     * records it as its reply, unless it records another already.
     */
    @Transactional
    public void replyIssued(UUID documentId, UUID replyDocumentId) {
        cases.lock(documentId).ifPresent(c -> {
            if (c.answeredBy(replyDocumentId)) {
                cases.save(c, clock.instant());
            }
        });
    }

    @Transactional
    public CaseView refuse(Official clerk, UUID documentId, String reason) {
        return change(clerk, documentId, (c, staff) -> c.refuse(clerk, reason));
    }

    /** Where the handling of the document stands, for anyone who may read the document. */
    @Transactional(readOnly = true)
    public CaseView view(Official official, UUID documentId) {
        DocumentView document = incoming(official, documentId);
        IncomingCase c = cases.find(documentId)
                .orElseGet(() -> IncomingCase.registered(documentId, document.unitId(), document.urgent()));
        return view(c, staff(document.unitId()));
    }

    private CaseView change(Official official, UUID documentId, BiFunction<IncomingCase, UnitStaff, Step> step) {
        DocumentView document = incoming(official, documentId);
        if (document.status() == vn.congvan.registry.DocumentStatus.REVOKED) {
            throw DomainException.conflict("handling.document.revoked");
        }
        Instant now = clock.instant();
        cases.open(documentId, document.unitId(), document.urgent(), now);
        IncomingCase c = cases.lock(documentId).orElseThrow();
        UnitStaff staff = staff(document.unitId());
        Step taken = step.apply(c, staff);
        cases.save(c, now);
        audit.record(AuditEntry.by(
                official,
                taken.action(),
                "document",
                documentId.toString(),
                document.unitId(),
                withState(taken.details(), c)));
        events.publishEvent(new IncomingCaseChanged(
                documentId,
                document.unitId(),
                c.state(),
                taken.action().value(),
                official.personId(),
                c.refusedReason()));
        String link = "/documents/" + documentId + "#handling";
        // A step ends the actor's part (assigned on, returned, answered, completed): their notices
        // about the case are done. A progress note ends nothing.
        if (taken.action() != HandlingAuditAction.PROGRESS) {
            notices.done(official.personId(), link);
        }
        notices.tell(
                toTell(c, taken.action()),
                official.personId(),
                taken.action().value(),
                document.metadata().subject(),
                link,
                document.urgent());
        return view(c, staff);
    }

    /** Whom a step hands work to: the leader presented to, the officials assigned, whoever gets it back. */
    private static List<@Nullable UUID> toTell(IncomingCase c, HandlingAuditAction action) {
        return switch (action) {
            case PRESENTED -> java.util.Collections.singletonList(c.presentedTo());
            case ASSIGNED -> {
                List<@Nullable UUID> people = new ArrayList<>();
                people.add(c.leadId());
                people.addAll(c.participants().keySet());
                yield people;
            }
            case DELEGATED -> java.util.Collections.singletonList(c.leadId());
            case RETURNED ->
                java.util.Collections.singletonList(
                        c.state() == vn.congvan.handling.CaseState.RETURNED ? c.assignedBy() : c.leadId());
            case COMPLETED -> java.util.Arrays.asList(c.assignedBy(), c.supervisorId());
            default -> List.of();
        };
    }

    private static Map<String, String> withState(Map<String, String> details, IncomingCase c) {
        Map<String, String> all = new java.util.TreeMap<>(details);
        all.put("state", c.state().name());
        return all;
    }

    private DocumentView incoming(Official official, UUID documentId) {
        DocumentView document = documents.readable(official, documentId);
        if (document.direction() != Direction.INCOMING) {
            throw DomainException.invalid("handling.document.not-incoming");
        }
        return document;
    }

    /** Refuses to hand a secret document to someone without a grant ({@code handling.secret.not-granted}). */
    private void requireGranted(DocumentView document, UUID personId) {
        if (document.secret() && !documents.granted(document.id(), personId)) {
            String name = staff(document.unitId()).nameOf(personId);
            throw DomainException.invalid("handling.secret.not-granted", name != null ? name : personId.toString());
        }
    }

    private void requireReply(Official official, UUID documentId, UUID replyId) {
        DocumentView handled = incoming(official, documentId);
        DocumentView reply;
        try {
            reply = documents.readable(official, replyId);
        } catch (DomainException e) {
            throw DomainException.invalid("handling.reply.not-found");
        }
        if (reply.direction() != Direction.OUTGOING || !reply.unitId().equals(handled.unitId())) {
            throw DomainException.invalid("handling.reply.not-found");
        }
    }

    private UnitStaff staff(UUID unitId) {
        return new UnitStaff(unitId, directory.people(unitId));
    }

    private static CaseView view(IncomingCase c, UnitStaff staff) {
        List<CaseView.Person> cooperating = new ArrayList<>();
        List<CaseView.Person> informed = new ArrayList<>();
        c.participants()
                .forEach((id, part) ->
                        (part == Participation.COOPERATING ? cooperating : informed).add(person(staff, id)));
        Boolean onTime = c.completedAt() == null || c.deadline() == null
                ? null
                : !c.completedAt()
                        .atZone(vn.congvan.shared.VietnamTime.ZONE)
                        .toLocalDate()
                        .isAfter(c.deadline());
        return new CaseView(
                c.documentId(),
                c.unitId(),
                c.state(),
                c.urgent(),
                person(staff, c.presentedTo()),
                person(staff, c.assignedBy()),
                person(staff, c.leadId()),
                person(staff, c.supervisorId()),
                cooperating,
                informed,
                c.direction(),
                c.deadline(),
                c.assignedAt(),
                c.progressNote(),
                c.progressAt(),
                c.returnedReason(),
                c.refusedReason(),
                c.replyDocumentId(),
                c.completedAt(),
                onTime);
    }

    private static CaseView.@Nullable Person person(UnitStaff staff, @Nullable UUID id) {
        if (id == null) {
            return null;
        }
        String name = staff.nameOf(id);
        return new CaseView.Person(id, name != null ? name : id.toString());
    }
}
