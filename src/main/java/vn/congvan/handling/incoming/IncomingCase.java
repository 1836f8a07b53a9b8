package vn.congvan.handling.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * The handling (giải quyết) of one incoming document in its unit (Decree 30 Art. 20–24). Every
 * change goes through a method that checks the current state and who acts, and answers the step
 * to record; a refused change leaves the case as it was.
 */
final class IncomingCase {

    static final int TEXT_LIMIT = 2000;

    private final UUID documentId;
    private final UUID unitId;
    private final boolean urgent;
    private CaseState state;
    private @Nullable UUID presentedTo;
    private @Nullable UUID assignedBy;
    private @Nullable UUID leadId;
    private @Nullable UUID supervisorId;
    private final Map<UUID, Participation> participants;
    private @Nullable String direction;
    private @Nullable LocalDate deadline;
    private @Nullable Instant assignedAt;
    private @Nullable String progressNote;
    private @Nullable Instant progressAt;
    private @Nullable String returnedReason;
    private @Nullable String refusedReason;
    private @Nullable UUID replyDocumentId;
    private @Nullable Instant completedAt;

    IncomingCase(
            UUID documentId,
            UUID unitId,
            boolean urgent,
            CaseState state,
            @Nullable UUID presentedTo,
            @Nullable UUID assignedBy,
            @Nullable UUID leadId,
            @Nullable UUID supervisorId,
            Map<UUID, Participation> participants,
            @Nullable String direction,
            @Nullable LocalDate deadline,
            @Nullable Instant assignedAt,
            @Nullable String progressNote,
            @Nullable Instant progressAt,
            @Nullable String returnedReason,
            @Nullable String refusedReason,
            @Nullable UUID replyDocumentId,
            @Nullable Instant completedAt) {
        this.documentId = documentId;
        this.unitId = unitId;
        this.urgent = urgent;
        this.state = state;
        this.presentedTo = presentedTo;
        this.assignedBy = assignedBy;
        this.leadId = leadId;
        this.supervisorId = supervisorId;
        this.participants = new LinkedHashMap<>(participants);
        this.direction = direction;
        this.deadline = deadline;
        this.assignedAt = assignedAt;
        this.progressNote = progressNote;
        this.progressAt = progressAt;
        this.returnedReason = returnedReason;
        this.refusedReason = refusedReason;
        this.replyDocumentId = replyDocumentId;
        this.completedAt = completedAt;
    }

    /** A registered incoming document waiting to be presented. */
    static IncomingCase registered(UUID documentId, UUID unitId, boolean urgent) {
        return new IncomingCase(
                documentId,
                unitId,
                urgent,
                CaseState.REGISTERED,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The clerk presents the document to a leader of the unit (trình lãnh đạo). */
    Step present(Official clerk, UUID leader, UnitStaff staff) {
        requireState(CaseState.REGISTERED, CaseState.PRESENTED);
        requireRole(clerk, Role.CLERK, "handling.clerk-only");
        if (!staff.directs(leader)) {
            throw DomainException.invalid("handling.present.not-a-leader");
        }
        state = CaseState.PRESENTED;
        presentedTo = leader;
        return new Step(HandlingAuditAction.PRESENTED, Map.of("to", name(staff, leader)));
    }

    /**
     * A leader records who handles the document: the lead, cooperating and informed officials of
     * the unit, a direction and a deadline (a working day, not in the past). Assigning again
     * replaces the earlier assignment.
     */
    Step assign(Official leader, Assignment a, UnitStaff staff, WorkingCalendar calendar) {
        requireState(
                CaseState.REGISTERED,
                CaseState.PRESENTED,
                CaseState.RETURNED,
                CaseState.ASSIGNED,
                CaseState.IN_PROGRESS);
        if (!staff.directs(leader.personId())) {
            throw DomainException.forbidden("handling.leader-only");
        }
        Set<UUID> named = new HashSet<>();
        requireMember(staff, a.leadId(), named);
        // Never null: an assignment reads none as an empty list.
        Objects.requireNonNull(a.cooperatingIds()).forEach(id -> requireMember(staff, id, named));
        Objects.requireNonNull(a.informedIds()).forEach(id -> requireMember(staff, id, named));
        if (a.deadline() != null) {
            if (a.deadline().isBefore(calendar.today())) {
                throw DomainException.invalid("handling.deadline.past", a.deadline());
            }
            if (!calendar.isWorkingDay(a.deadline())) {
                throw DomainException.invalid(
                        "handling.deadline.non-working-day", a.deadline(), calendar.onOrAfter(a.deadline()));
            }
        }
        String text = optionalText(a.direction());
        state = CaseState.ASSIGNED;
        assignedBy = leader.personId();
        leadId = a.leadId();
        supervisorId = null;
        participants.clear();
        a.cooperatingIds().forEach(id -> participants.put(id, Participation.COOPERATING));
        a.informedIds().forEach(id -> participants.put(id, Participation.INFORMED));
        direction = text;
        deadline = a.deadline();
        assignedAt = null;
        returnedReason = null;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("lead", name(staff, a.leadId()));
        if (!a.cooperatingIds().isEmpty()) {
            details.put("cooperating", names(staff, a.cooperatingIds()));
        }
        if (!a.informedIds().isEmpty()) {
            details.put("informed", names(staff, a.informedIds()));
        }
        if (text != null) {
            details.put("direction", text);
        }
        if (deadline != null) {
            details.put("deadline", deadline.toString());
        }
        return new Step(HandlingAuditAction.ASSIGNED, details);
    }

    /** Marks when the assignment was made; kept apart so that the aggregate does not read a clock. */
    void assignedAt(Instant at) {
        assignedAt = at;
    }

    /** The lead, a division head, hands the handling down to an official of their division (giao tiếp). */
    Step delegate(Official lead, UUID newLead, @Nullable String note, UnitStaff staff) {
        requireState(CaseState.ASSIGNED, CaseState.IN_PROGRESS);
        requireLead(lead);
        if (!staff.holds(lead.personId(), Role.DIVISION_HEAD) && !staff.directs(lead.personId())) {
            throw DomainException.forbidden("handling.delegate.not-a-head");
        }
        if (newLead.equals(lead.personId()) || !staff.isMember(newLead)) {
            throw DomainException.invalid("handling.participant.not-member");
        }
        if (staff.holds(lead.personId(), Role.DIVISION_HEAD)
                && !staff.directs(lead.personId())
                && !staff.divisionOf(lead.personId()).equals(staff.divisionOf(newLead))) {
            throw DomainException.invalid("handling.delegate.other-division");
        }
        supervisorId = lead.personId();
        leadId = newLead;
        participants.remove(newLead);
        state = CaseState.ASSIGNED;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("lead", name(staff, newLead));
        String text = optionalText(note);
        if (text != null) {
            details.put("note", text);
        }
        return new Step(HandlingAuditAction.DELEGATED, details);
    }

    /**
     * The lead or their supervisor records progress, or a cooperating official gives an opinion;
     * progress by the lead moves the case to in progress.
     */
    Step recordProgress(Official official, String note, Instant at) {
        requireState(CaseState.ASSIGNED, CaseState.IN_PROGRESS);
        String text = requiredText(note, "handling.note.required");
        UUID who = official.personId();
        boolean handles = who.equals(leadId) || who.equals(supervisorId);
        if (!handles && participants.get(who) != Participation.COOPERATING) {
            throw DomainException.forbidden("handling.not-yours");
        }
        if (!handles) {
            return new Step(HandlingAuditAction.OPINION, Map.of("note", text));
        }
        state = CaseState.IN_PROGRESS;
        progressNote = text;
        progressAt = at;
        return new Step(HandlingAuditAction.PROGRESS, Map.of("note", text));
    }

    /**
     * The lead sends the document back with a reason: to the division head who handed it down, or
     * else to the leader who assigned it, who assigns it again.
     */
    Step returnBack(Official lead, String reason, UnitStaff staff) {
        requireState(CaseState.ASSIGNED, CaseState.IN_PROGRESS);
        requireLead(lead);
        String text = requiredText(reason, "handling.reason.required");
        returnedReason = text;
        if (supervisorId != null) {
            UUID head = supervisorId;
            leadId = head;
            supervisorId = null;
            state = CaseState.ASSIGNED;
            return new Step(HandlingAuditAction.RETURNED, Map.of("reason", text, "to", name(staff, head)));
        }
        state = CaseState.RETURNED;
        leadId = null;
        return new Step(HandlingAuditAction.RETURNED, Map.of("reason", text, "to", name(staff, assignedBy)));
    }

    /**
     * A reply drafted for the document was issued: it is the case's reply unless the case names one
     * already; says whether it changed.
     */
    boolean answeredBy(UUID reply) {
        if (replyDocumentId != null) {
            return false;
        }
        replyDocumentId = reply;
        return true;
    }

    /** The lead (or their supervisor) closes the handling, with the reply document if there is one. */
    Step complete(Official lead, @Nullable String note, @Nullable UUID reply, Instant at, LocalDate today) {
        requireState(CaseState.ASSIGNED, CaseState.IN_PROGRESS);
        UUID who = lead.personId();
        if (!who.equals(leadId) && !who.equals(supervisorId)) {
            throw DomainException.forbidden("handling.not-yours");
        }
        state = CaseState.DONE;
        replyDocumentId = reply;
        completedAt = at;
        Map<String, String> details = new LinkedHashMap<>();
        String text = optionalText(note);
        if (text != null) {
            details.put("note", text);
            progressNote = text;
            progressAt = at;
        }
        if (deadline != null) {
            details.put("onTime", Boolean.toString(!today.isAfter(deadline)));
        }
        return new Step(HandlingAuditAction.COMPLETED, details);
    }

    /** The clerk refuses a document on arrival (wrong address, invalid signature), with a reason. */
    Step refuse(Official clerk, String reason) {
        requireState(CaseState.REGISTERED, CaseState.PRESENTED);
        requireRole(clerk, Role.CLERK, "handling.clerk-only");
        String text = requiredText(reason, "handling.reason.required");
        state = CaseState.REFUSED;
        refusedReason = text;
        return new Step(HandlingAuditAction.REFUSED, Map.of("reason", text));
    }

    /** Whether the official takes part in the handling in any way, or assigned it. */
    boolean involves(UUID personId) {
        return personId.equals(presentedTo)
                || personId.equals(assignedBy)
                || personId.equals(leadId)
                || personId.equals(supervisorId)
                || participants.containsKey(personId);
    }

    private void requireState(CaseState first, CaseState... others) {
        if (!EnumSet.of(first, others).contains(state)) {
            throw DomainException.conflict("handling.state.not-allowed", state.name());
        }
    }

    private void requireRole(Official official, Role role, String code) {
        if (!official.holds(role, unitId)) {
            throw DomainException.forbidden(code);
        }
    }

    private void requireLead(Official official) {
        if (!official.personId().equals(leadId)) {
            throw DomainException.forbidden("handling.not-yours");
        }
    }

    private static void requireMember(UnitStaff staff, UUID personId, Set<UUID> named) {
        if (!staff.isMember(personId)) {
            throw DomainException.invalid("handling.participant.not-member");
        }
        if (!named.add(personId)) {
            throw DomainException.invalid("handling.participant.twice");
        }
    }

    private static String requiredText(@Nullable String text, String code) {
        String clean = optionalText(text);
        if (clean == null) {
            throw DomainException.invalid(code);
        }
        return clean;
    }

    private static @Nullable String optionalText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > TEXT_LIMIT) {
            throw DomainException.invalid("handling.text.too-long", TEXT_LIMIT);
        }
        return clean;
    }

    private static String name(UnitStaff staff, @Nullable UUID personId) {
        String name = staff.nameOf(personId);
        return name != null ? name : String.valueOf(personId);
    }

    private static String names(UnitStaff staff, java.util.List<UUID> ids) {
        return String.join(", ", ids.stream().map(id -> name(staff, id)).toList());
    }

    UUID documentId() {
        return documentId;
    }

    UUID unitId() {
        return unitId;
    }

    boolean urgent() {
        return urgent;
    }

    CaseState state() {
        return state;
    }

    @Nullable
    UUID presentedTo() {
        return presentedTo;
    }

    @Nullable
    UUID assignedBy() {
        return assignedBy;
    }

    @Nullable
    UUID leadId() {
        return leadId;
    }

    @Nullable
    UUID supervisorId() {
        return supervisorId;
    }

    Map<UUID, Participation> participants() {
        return Map.copyOf(participants);
    }

    @Nullable
    String direction() {
        return direction;
    }

    @Nullable
    LocalDate deadline() {
        return deadline;
    }

    @Nullable
    Instant assignedAt() {
        return assignedAt;
    }

    @Nullable
    String progressNote() {
        return progressNote;
    }

    @Nullable
    Instant progressAt() {
        return progressAt;
    }

    @Nullable
    String returnedReason() {
        return returnedReason;
    }

    @Nullable
    String refusedReason() {
        return refusedReason;
    }

    @Nullable
    UUID replyDocumentId() {
        return replyDocumentId;
    }

    @Nullable
    Instant completedAt() {
        return completedAt;
    }
}
