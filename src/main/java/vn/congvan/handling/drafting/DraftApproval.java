package vn.congvan.handling.drafting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.registry.Registrations;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Approving a draft (duyệt dự thảo) along the unit's route: each approver in turn approves or returns
 * it to the drafter, and the last approval prepares the document in the registry for the signer.
 * The route itself, and the leaders' absences it follows, are kept here too.
 */
@Service
public class DraftApproval {

    private final Drafts drafts;
    private final DraftReading reading;
    private final DraftPdfs pdfs;
    private final DraftTrail trail;
    private final ApprovalRoutes routes;
    private final UnitPeople people;
    private final Registrations registrations;
    private final WorkingCalendar calendar;
    private final Clock clock;

    DraftApproval(
            Drafts drafts,
            DraftReading reading,
            DraftPdfs pdfs,
            DraftTrail trail,
            ApprovalRoutes routes,
            UnitPeople people,
            Registrations registrations,
            WorkingCalendar calendar,
            Clock clock) {
        this.drafts = drafts;
        this.reading = reading;
        this.pdfs = pdfs;
        this.trail = trail;
        this.routes = routes;
        this.people = people;
        this.registrations = registrations;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The approver whose turn it is approves; the last step's approval prepares the document in the
     * registry for that approver's signature.
     */
    @Transactional
    public DraftView approve(Official approver, UUID draftId, @Nullable String comment) {
        Draft draft = reading.locked(approver, draftId);
        UnitStaff staff = people.of(draft.unitId());
        ApprovalRoutes.Resolved route = routes.resolve(draft, staff, calendar.today());
        Map<String, String> details = new LinkedHashMap<>(draft.approve(approver, clock.instant(), route.authority()));
        if (comment != null && !comment.isBlank()) {
            details.put("comment", Draft.comment(comment));
        }
        if (draft.state() == DraftState.APPROVED) {
            DocumentView prepared =
                    registrations.prepare(metadata(draft, staff), pdfs.latest(draft), List.of(), approver);
            draft.prepared(prepared.id());
        }
        drafts.save(draft, clock.instant());
        trail.record(approver, draft, HandlingAuditAction.DRAFT_APPROVED, details);
        trail.done(approver, draft);
        if (draft.state() == DraftState.APPROVED) {
            trail.tell(List.of(draft.signerId()), null, "draft.to-sign", draft);
        } else {
            trail.tell(List.of(draft.currentApprover()), approver, "draft.to-approve", draft);
        }
        return reading.view(draft);
    }

    @Transactional
    public DraftView returnToDrafter(Official approver, UUID draftId, @Nullable String comment) {
        Draft draft = reading.locked(approver, draftId);
        Map<String, String> details = draft.returnToDrafter(approver, comment);
        drafts.save(draft, clock.instant());
        trail.record(approver, draft, HandlingAuditAction.DRAFT_RETURNED, details);
        trail.done(approver, draft);
        trail.tell(List.of(draft.drafterId()), approver, "draft.returned", draft);
        return reading.view(draft);
    }

    /** The unit's route, configured or the default one. */
    @Transactional(readOnly = true)
    public List<ApprovalStep> route(UUID unitId) {
        return routes.of(unitId);
    }

    @Transactional
    public List<ApprovalStep> setRoute(Official official, UUID unitId, List<ApprovalStep> steps) {
        routes.set(official, unitId, steps);
        return routes.of(unitId);
    }

    /** Whether the official may change the unit's route: its leader, its IT officer, the administrator. */
    public boolean maySetRoute(Official official, UUID unitId) {
        return ApprovalRoutes.maySet(official, unitId);
    }

    /** Whether the official may record the absence of one of the unit's leaders. */
    public boolean mayRecordAbsence(Official official, UUID unitId) {
        return ApprovalRoutes.mayRecordAbsence(official, unitId);
    }

    @Transactional
    public void recordAbsence(
            Official official, UUID unitId, UUID leaderId, UUID deputyId, LocalDate firstDay, LocalDate lastDay) {
        routes.recordAbsence(official, unitId, leaderId, deputyId, firstDay, lastDay, clock.instant());
    }

    private OutgoingMetadata metadata(Draft draft, UnitStaff staff) {
        UUID signer = Objects.requireNonNull(draft.signerId(), "an approved draft names its signer");
        Role role = staff.holds(signer, Role.LEADER)
                ? Role.LEADER
                : staff.holds(signer, Role.DEPUTY_LEADER) ? Role.DEPUTY_LEADER : Role.DIVISION_HEAD;
        List<OutgoingMetadata.Recipient> recipients = draft.recipients().stream()
                .map(r -> new OutgoingMetadata.Recipient(r.unitId(), r.organId(), r.organName()))
                .toList();
        return new OutgoingMetadata(
                draft.unitId(),
                draft.type().vietnameseName(),
                draft.divisionId(),
                draft.subject(),
                draft.signerAuthority(),
                staff.titleOf(signer, role),
                staff.nameOf(signer),
                draft.priority().code(),
                0,
                draft.dueDate(),
                null,
                null,
                null,
                null,
                null,
                recipients,
                false,
                "draft:" + draft.id());
    }
}
