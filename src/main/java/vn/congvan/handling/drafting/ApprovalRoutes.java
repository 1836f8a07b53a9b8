package vn.congvan.handling.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DivisionView;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * The approval route each unit configures, the leaders' absences, and the route of one draft
 * resolved to people: a leader away is replaced by the deputy named for the days, who signs "KT.".
 */
@Component
class ApprovalRoutes {

    static final List<ApprovalStep> DEFAULT =
            List.of(new ApprovalStep(Role.DIVISION_HEAD, null), new ApprovalStep(Role.LEADER, null));
    static final Set<Role> APPROVING = EnumSet.of(Role.DIVISION_HEAD, Role.DEPUTY_LEADER, Role.LEADER);
    static final int MAX_STEPS = 10;

    /** A route resolved for a draft: its steps, and the authority written before the signer's position. */
    record Resolved(List<RouteStep> steps, SignerAuthority authority) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;

    ApprovalRoutes(JdbcClient jdbc, Directory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    List<ApprovalStep> of(UUID unitId) {
        List<ApprovalStep> steps = jdbc.sql(
                        "select role, division_id from approval_step where unit_id = ? order by position")
                .param(unitId)
                .query((rs, n) ->
                        new ApprovalStep(Role.valueOf(rs.getString("role")), rs.getObject("division_id", UUID.class)))
                .list();
        return steps.isEmpty() ? DEFAULT : steps;
    }

    /** The unit's leader, its IT officer or the administrator sets the unit's route; the last step signs. */
    void set(Official official, UUID unitId, List<ApprovalStep> steps) {
        if (!maySet(official, unitId)) {
            throw DomainException.forbidden("handling.route.not-allowed");
        }
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw DomainException.invalid("handling.route.size", MAX_STEPS);
        }
        for (ApprovalStep step : steps) {
            if (!APPROVING.contains(step.role())) {
                throw DomainException.invalid("handling.route.role", step.role().name());
            }
            if (step.divisionId() != null
                    && directory
                            .findDivision(step.divisionId())
                            .map(DivisionView::unitId)
                            .filter(unitId::equals)
                            .isEmpty()) {
                throw DomainException.invalid("handling.route.division");
            }
        }
        Role last = steps.get(steps.size() - 1).role();
        if (last != Role.LEADER && last != Role.DEPUTY_LEADER) {
            throw DomainException.invalid("handling.route.signer-last");
        }
        jdbc.sql("delete from approval_step where unit_id = ?").param(unitId).update();
        int position = 1;
        for (ApprovalStep step : steps) {
            jdbc.sql("insert into approval_step (unit_id, position, role, division_id) values (?, ?, ?, ?)")
                    .params(unitId, position++, step.role().name(), step.divisionId())
                    .update();
        }
        audit.record(AuditEntry.by(
                official,
                HandlingAuditAction.ROUTE_SET,
                "unit",
                unitId.toString(),
                unitId,
                Map.of(
                        "steps",
                        String.join(
                                " → ", steps.stream().map(s -> s.role().name()).toList()))));
    }

    static boolean maySet(Official official, UUID unitId) {
        return official.holds(Role.LEADER, unitId)
                || official.holds(Role.IT_OFFICER, unitId)
                || official.isAdministrator();
    }

    /** Whether the official may record a leader's absence in the unit: a leader their own, its clerk, the administrator. */
    static boolean mayRecordAbsence(Official official, UUID unitId) {
        return official.holds(Role.LEADER, unitId) || official.holds(Role.CLERK, unitId) || official.isAdministrator();
    }

    /** The leader (or the unit's clerk for them) records days away and the deputy who signs meanwhile. */
    void recordAbsence(
            Official official,
            UUID unitId,
            UUID leaderId,
            UUID deputyId,
            LocalDate firstDay,
            LocalDate lastDay,
            Instant at) {
        UnitStaff staff = new UnitStaff(unitId, directory.people(unitId));
        // The page's rule, and a leader records their own absence only (the clerk or the administrator anyone's).
        boolean forSomeoneElse = !official.personId().equals(leaderId) || !staff.holds(leaderId, Role.LEADER);
        if (!mayRecordAbsence(official, unitId)
                || (forSomeoneElse && !official.holds(Role.CLERK, unitId) && !official.isAdministrator())) {
            throw DomainException.forbidden("handling.absence.not-allowed");
        }
        if (!staff.holds(leaderId, Role.LEADER)) {
            throw DomainException.invalid("handling.absence.not-a-leader");
        }
        if (!staff.holds(deputyId, Role.DEPUTY_LEADER)) {
            throw DomainException.invalid("handling.absence.not-a-deputy");
        }
        if (lastDay.isBefore(firstDay)) {
            throw DomainException.invalid("handling.absence.dates");
        }
        jdbc.sql("""
                        insert into leader_absence (id, unit_id, leader_id, deputy_id, first_day, last_day, created_by,
                          created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        unitId,
                        leaderId,
                        deputyId,
                        firstDay,
                        lastDay,
                        official.personId(),
                        java.sql.Timestamp.from(at))
                .update();
        audit.record(AuditEntry.by(
                official,
                HandlingAuditAction.ABSENCE_RECORDED,
                "unit",
                unitId.toString(),
                unitId,
                Map.of(
                        "leader",
                        String.valueOf(staff.nameOf(leaderId)),
                        "deputy",
                        String.valueOf(staff.nameOf(deputyId)),
                        "from",
                        firstDay.toString(),
                        "to",
                        lastDay.toString())));
    }

    /** The route of the draft now, each step resolved to the official who approves it. */
    Resolved resolve(Draft draft, UnitStaff staff, LocalDate today) {
        return resolve(draft.unitId(), draft.divisionId(), draft.drafterId(), staff, today);
    }

    /** The route a draft of {@code unitId} by {@code drafterId}, drafted in {@code divisionId}, would go along now. */
    Resolved resolve(UUID unitId, @Nullable UUID divisionId, UUID drafterId, UnitStaff staff, LocalDate today) {
        List<ApprovalStep> steps = of(unitId);
        List<RouteStep> resolved = new ArrayList<>();
        SignerAuthority authority = SignerAuthority.NONE;
        for (int i = 0; i < steps.size(); i++) {
            ApprovalStep step = steps.get(i);
            boolean last = i == steps.size() - 1;
            UUID approver;
            switch (step.role()) {
                case DIVISION_HEAD -> {
                    UUID division = step.divisionId() != null ? step.divisionId() : divisionId;
                    if (division == null) {
                        continue;
                    }
                    approver = first(staff.holding(Role.DIVISION_HEAD, division), step.role());
                }
                case DEPUTY_LEADER -> {
                    approver = first(staff.holding(Role.DEPUTY_LEADER, null), step.role());
                    authority = SignerAuthority.KT;
                }
                default -> {
                    approver = first(staff.holding(Role.LEADER, null), step.role());
                    Optional<UUID> deputy = deputyFor(unitId, approver, today);
                    if (deputy.isPresent() && last) {
                        approver = deputy.get();
                        authority = SignerAuthority.KT;
                    } else {
                        authority = SignerAuthority.NONE;
                    }
                }
            }
            if (!last && approver.equals(drafterId)) {
                continue;
            }
            if (!resolved.isEmpty()
                    && resolved.get(resolved.size() - 1).approverId().equals(approver)) {
                resolved.remove(resolved.size() - 1);
            }
            resolved.add(new RouteStep(0, step.role(), approver, null));
        }
        List<RouteStep> numbered = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            RouteStep s = resolved.get(i);
            numbered.add(new RouteStep(i + 1, s.role(), s.approverId(), null));
        }
        return new Resolved(numbered, authority);
    }

    private Optional<UUID> deputyFor(UUID unitId, UUID leaderId, LocalDate day) {
        return jdbc.sql("""
                        select deputy_id from leader_absence where unit_id = ? and leader_id = ?
                          and ? between first_day and last_day order by created_at desc limit 1""").params(unitId, leaderId, day).query(UUID.class).optional();
    }

    private static UUID first(List<UUID> holders, Role role) {
        if (holders.isEmpty()) {
            // The role by its name in the reader's language (the directory's bundle), not its code.
            throw DomainException.conflict(
                    "handling.route.missing-role",
                    new DefaultMessageSourceResolvable(new String[] {"directory.role." + role.name()}, role.name()));
        }
        return holders.get(0);
    }
}
