package vn.congvan.handling.drafting;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.directory.Directory;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.incoming.CaseView;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Priority;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * Writing a draft (dự thảo): a specialist starts it with its first PDF, the drafter or the approver
 * whose turn it is adds versions, anyone of the unit comments, and the drafter submits it along the
 * unit's approval route.
 */
@Service
public class DraftWriting {

    private final Drafts drafts;
    private final DraftReading reading;
    private final DraftPdfs pdfs;
    private final DraftTrail trail;
    private final ApprovalRoutes routes;
    private final UnitPeople people;
    private final Directory directory;
    private final DocumentFiles documents;
    private final WorkingCalendar calendar;
    private final Clock clock;

    DraftWriting(
            Drafts drafts,
            DraftReading reading,
            DraftPdfs pdfs,
            DraftTrail trail,
            ApprovalRoutes routes,
            UnitPeople people,
            Directory directory,
            DocumentFiles documents,
            WorkingCalendar calendar,
            Clock clock) {
        this.drafts = drafts;
        this.reading = reading;
        this.pdfs = pdfs;
        this.trail = trail;
        this.routes = routes;
        this.people = people;
        this.directory = directory;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A specialist of the unit starts a draft with its first PDF; the same submission key gives the same draft. */
    @Transactional
    public DraftView create(Official drafter, NewDraft d, String fileName, InputStream pdf) {
        return create(drafter, d, null, fileName, pdf);
    }

    /**
     * The same, for a draft that answers the incoming document {@code replyTo} of its unit, which the
     * drafter may read: once issued, it is recorded as that document's reply.
     */
    @Transactional
    public DraftView create(Official drafter, NewDraft d, @Nullable UUID replyTo, String fileName, InputStream pdf) {
        if (!drafter.belongsTo(d.unitId())) {
            throw DomainException.forbidden("registry.unit.not-member");
        }
        if (replyTo != null) {
            DocumentView answered = documents.readable(drafter, replyTo);
            if (answered.direction() != vn.congvan.registry.Direction.INCOMING
                    || !answered.unitId().equals(d.unitId())) {
                throw DomainException.invalid("handling.reply.not-incoming");
            }
        }
        String key = d.submissionKey() == null || d.submissionKey().isBlank()
                ? null
                : d.submissionKey().strip();
        if (key != null) {
            Optional<UUID> same = drafts.bySubmission(drafter.personId(), key);
            if (same.isPresent()) {
                return reading.view(drafts.find(same.get()).orElseThrow());
            }
        }
        DocumentType type = DocumentType.parse(d.typeName())
                .orElseThrow(() -> DomainException.invalid("registry.type.unknown", d.typeName()));
        String subject = d.subject() == null ? "" : d.subject().strip();
        if (subject.isEmpty() || subject.length() > 500) {
            throw DomainException.invalid("handling.draft.subject");
        }
        if (d.divisionId() != null
                && directory
                        .findDivision(d.divisionId())
                        .filter(v -> v.unitId().equals(d.unitId()))
                        .isEmpty()) {
            throw DomainException.invalid("registry.division.not-in-unit");
        }
        Priority priority = priorityOf(d.priority());
        if (d.dueDate() != null && d.dueDate().isBefore(calendar.today())) {
            throw DomainException.invalid("handling.deadline.past", d.dueDate());
        }
        List<Draft.Recipient> recipients = new ArrayList<>();
        for (NewDraft.Recipient r : d.recipients() == null ? List.<NewDraft.Recipient>of() : d.recipients()) {
            if (r.unitId() != null) {
                String name = directory
                        .findUnit(r.unitId())
                        .orElseThrow(() -> DomainException.invalid(RegistryRefusals.UNIT_UNKNOWN, r.unitId()))
                        .name();
                recipients.add(new Draft.Recipient(r.unitId(), null, name));
            } else if (r.organName() != null && !r.organName().isBlank()) {
                String organId = r.organId() == null || r.organId().isBlank()
                        ? null
                        : r.organId().strip();
                if (organId != null && organId.length() > 35) {
                    throw DomainException.invalid("handling.draft.organ-id", organId);
                }
                recipients.add(new Draft.Recipient(null, organId, r.organName().strip()));
            }
        }
        if (d.dossierId() != null && !drafts.openDossierOf(d.dossierId(), d.unitId())) {
            throw DomainException.invalid("handling.draft.dossier");
        }
        if (d.replacesDocumentId() != null) {
            DocumentView replaced = documents.readable(drafter, d.replacesDocumentId());
            if (!replaced.unitId().equals(d.unitId()) || replaced.status() != DocumentStatus.ISSUED) {
                throw DomainException.invalid("handling.draft.replaces-not-issued");
            }
        }
        Draft draft = Draft.started(
                d.unitId(),
                drafter,
                d.divisionId(),
                type,
                subject,
                priority,
                d.dueDate(),
                recipients,
                d.replacesDocumentId());
        Instant now = clock.instant();
        drafts.insert(draft, key, d.dossierId(), now);
        if (replyTo != null) {
            drafts.answering(draft.id(), replyTo);
        }
        int version = pdfs.add(draft.id(), fileName, pdf, drafter, now);
        trail.record(
                drafter,
                draft,
                HandlingAuditAction.DRAFT_CREATED,
                Map.of("subject", subject, "version", Integer.toString(version)));
        return reading.view(draft);
    }

    /**
     * Starts the draft and submits it along its route in one step: a refused submission (no official
     * for a step of the route) saves nothing. The same submission key gives the same draft, submitted once.
     */
    @Transactional
    public DraftView createAndSubmit(
            Official drafter, NewDraft d, @Nullable UUID replyTo, String fileName, InputStream pdf) {
        DraftView created = create(drafter, d, replyTo, fileName, pdf);
        if (created.state() != DraftState.DRAFTING) {
            return created;
        }
        return submit(drafter, created.id());
    }

    /** A new version of the draft's PDF, by the drafter or the approver whose turn it is. */
    @Transactional
    public DraftView addVersion(Official official, UUID draftId, String fileName, InputStream pdf) {
        Draft draft = reading.locked(official, draftId);
        draft.requireMayRevise(official);
        int version = pdfs.add(draftId, fileName, pdf, official, clock.instant());
        trail.record(
                official, draft, HandlingAuditAction.DRAFT_VERSION_ADDED, Map.of("version", Integer.toString(version)));
        return reading.view(draft);
    }

    /** A comment on the draft by anyone of the unit, kept in its history. */
    @Transactional
    public DraftView comment(Official official, UUID draftId, String text) {
        Draft draft = reading.locked(official, draftId);
        trail.record(official, draft, HandlingAuditAction.DRAFT_COMMENTED, Map.of("comment", Draft.comment(text)));
        return reading.view(draft);
    }

    @Transactional
    public DraftView submit(Official drafter, UUID draftId) {
        Draft draft = reading.locked(drafter, draftId);
        UnitStaff staff = people.of(draft.unitId());
        ApprovalRoutes.Resolved route = routes.resolve(draft, staff, calendar.today());
        Map<String, String> details = new LinkedHashMap<>(draft.submit(drafter, route.steps()));
        details.put("approver", UnitPeople.name(staff, route.steps().get(0).approverId()));
        drafts.save(draft, clock.instant());
        trail.record(drafter, draft, HandlingAuditAction.DRAFT_SUBMITTED, details);
        trail.done(drafter, draft);
        trail.tell(List.of(draft.currentApprover()), drafter, "draft.to-approve", draft);
        return reading.view(draft);
    }

    /**
     * The route the draft would go along if it were submitted now, each step with the official who
     * would approve it; refused as the submission would be when the unit lacks a role the route needs.
     */
    @Transactional(readOnly = true)
    public List<DraftView.Step> routeIfSubmittedNow(Official official, UUID draftId) {
        Draft draft = reading.readable(official, draftId);
        UnitStaff staff = people.of(draft.unitId());
        return shown(routes.resolve(draft, staff, calendar.today()), staff);
    }

    /**
     * The route a new draft of the unit, drafted in {@code divisionId} (none: the unit's route without
     * a division's head), would go along if it were submitted now; refused as the submission would be.
     */
    @Transactional(readOnly = true)
    public List<DraftView.Step> routeForNewDraft(Official drafter, UUID unitId, @Nullable UUID divisionId) {
        if (!drafter.belongsTo(unitId)) {
            throw DomainException.forbidden("registry.unit.not-member");
        }
        UnitStaff staff = people.of(unitId);
        return shown(routes.resolve(unitId, divisionId, drafter.personId(), staff, calendar.today()), staff);
    }

    private static List<DraftView.Step> shown(ApprovalRoutes.Resolved route, UnitStaff staff) {
        return route.steps().stream()
                .map(step -> new DraftView.Step(
                        step.position(),
                        step.role().name(),
                        new CaseView.Person(step.approverId(), UnitPeople.name(staff, step.approverId())),
                        null))
                .toList();
    }

    /** The priority the drafter chose, normal when none: a number edXML does not know is refused. */
    private static Priority priorityOf(@Nullable Integer code) {
        if (code == null) {
            return Priority.NORMAL;
        }
        if (code < 0 || code >= Priority.values().length) {
            throw DomainException.invalid("handling.draft.priority");
        }
        return Priority.ofCode(code);
    }
}
