package vn.congvan.handling.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.congvan.directory.PersonView;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.calendar.HandlingProperties;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Membership;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Thousands of random steps by random officials, most of them out of turn: every refused step
 * leaves the case exactly as it was, and every accepted one leaves it in a possible state.
 */
class IncomingCaseSequencesTests {

    static final UUID UNIT = UUID.randomUUID();
    static final UUID DIVISION = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    final WorkingCalendar calendar =
            new WorkingCalendar(new HandlingProperties(List.of(), 1), Clock.fixed(NOW, ZoneOffset.UTC));
    final List<Official> officials = new ArrayList<>();
    final List<PersonView> people = new ArrayList<>();

    IncomingCaseSequencesTests() {
        official("Văn thư", Role.CLERK, null);
        official("Giám đốc", Role.LEADER, null);
        official("Phó giám đốc", Role.DEPUTY_LEADER, null);
        official("Trưởng phòng", Role.DIVISION_HEAD, DIVISION);
        official("Chuyên viên phòng", Role.SPECIALIST, DIVISION);
        official("Chuyên viên", Role.SPECIALIST, null);
        officials.add(new Official(
                UUID.randomUUID(),
                "ngoai",
                "Người ngoài",
                null,
                true,
                List.of(new Membership(UUID.randomUUID(), null, Role.LEADER))));
    }

    @Test
    void randomStepsNeverLeaveACaseInAnImpossibleState() {
        Random random = new Random(20261202);
        UnitStaff staff = new UnitStaff(UNIT, people);
        int accepted = 0;
        Set<CaseState> reached = EnumSet.noneOf(CaseState.class);
        for (int sequence = 0; sequence < 400; sequence++) {
            IncomingCase c = IncomingCase.registered(UUID.randomUUID(), UNIT, random.nextBoolean());
            for (int step = 0; step < 30; step++) {
                List<Object> before = snapshot(c);
                CaseState from = c.state();
                int action = random.nextInt(7);
                // Half the steps by whoever would be entitled to take them, half by anyone at all.
                Official actor =
                        random.nextBoolean() ? entitled(c, action) : officials.get(random.nextInt(officials.size()));
                try {
                    act(c, action, actor, staff, random);
                    accepted++;
                    reached.add(c.state());
                    assertThat(ALLOWED.get(from))
                            .as("%s -> %s", from, c.state())
                            .contains(c.state());
                    assertPossible(c, staff);
                } catch (DomainException refused) {
                    assertThat(snapshot(c))
                            .as("refused %s left the case unchanged", refused.code())
                            .isEqualTo(before);
                }
            }
        }
        assertThat(accepted).as("enough steps were accepted to mean something").isGreaterThan(500);
        assertThat(reached)
                .as("every state after the first was reached")
                .isEqualTo(EnumSet.complementOf(EnumSet.of(CaseState.REGISTERED)));
    }

    static final Map<CaseState, Set<CaseState>> ALLOWED = Map.of(
            CaseState.REGISTERED,
                    EnumSet.of(CaseState.REGISTERED, CaseState.PRESENTED, CaseState.ASSIGNED, CaseState.REFUSED),
            CaseState.PRESENTED, EnumSet.of(CaseState.PRESENTED, CaseState.ASSIGNED, CaseState.REFUSED),
            CaseState.ASSIGNED,
                    EnumSet.of(CaseState.ASSIGNED, CaseState.IN_PROGRESS, CaseState.RETURNED, CaseState.DONE),
            CaseState.IN_PROGRESS,
                    EnumSet.of(CaseState.ASSIGNED, CaseState.IN_PROGRESS, CaseState.RETURNED, CaseState.DONE),
            CaseState.RETURNED, EnumSet.of(CaseState.ASSIGNED),
            CaseState.DONE, EnumSet.noneOf(CaseState.class),
            CaseState.REFUSED, EnumSet.noneOf(CaseState.class));

    private Official entitled(IncomingCase c, int action) {
        UUID lead = c.leadId();
        return switch (action) {
            case 0, 6 -> officials.get(0);
            case 1 -> officials.get(1);
            default ->
                officials.stream()
                        .filter(o -> o.personId().equals(lead))
                        .findFirst()
                        .orElse(officials.get(3));
        };
    }

    private void act(IncomingCase c, int action, Official actor, UnitStaff staff, Random random) {
        switch (action) {
            case 0 -> c.present(actor, anyone(random), staff);
            case 1 -> {
                List<UUID> cooperating = random.nextBoolean() ? List.of(anyone(random)) : List.of();
                List<UUID> informed = random.nextInt(3) == 0 ? List.of(anyone(random)) : List.of();
                c.assign(
                        actor,
                        new Assignment(
                                anyone(random),
                                cooperating,
                                informed,
                                random.nextBoolean() ? "Khẩn trương xử lý" : null,
                                aDeadline(random)),
                        staff,
                        calendar);
            }
            case 2 -> c.delegate(actor, anyone(random), null, staff);
            case 3 -> c.recordProgress(actor, random.nextInt(5) == 0 ? " " : "Đang làm", NOW);
            case 4 -> c.returnBack(actor, random.nextInt(5) == 0 ? "" : "Không đúng thẩm quyền", staff);
            case 5 -> c.complete(actor, "Xong", null, NOW, calendar.today());
            default -> c.refuse(actor, random.nextInt(4) == 0 ? "" : "Gửi nhầm");
        }
    }

    private void assertPossible(IncomingCase c, UnitStaff staff) {
        switch (c.state()) {
            case ASSIGNED, IN_PROGRESS -> {
                assertThat(c.leadId()).isNotNull();
                assertThat(staff.isMember(c.leadId())).isTrue();
                assertThat(c.assignedBy()).isNotNull();
                assertThat(staff.directs(c.assignedBy())).isTrue();
                assertThat(c.participants()).doesNotContainKey(c.leadId());
            }
            case RETURNED -> {
                assertThat(c.leadId()).isNull();
                assertThat(c.supervisorId()).isNull();
                assertThat(c.returnedReason()).isNotBlank();
            }
            case DONE -> assertThat(c.completedAt()).isNotNull();
            case REFUSED -> {
                assertThat(c.refusedReason()).isNotBlank();
                assertThat(c.leadId()).isNull();
            }
            case PRESENTED -> assertThat(staff.directs(c.presentedTo())).isTrue();
            case REGISTERED -> assertThat(c.leadId()).isNull();
        }
        if (c.supervisorId() != null) {
            assertThat(c.supervisorId()).isNotEqualTo(c.leadId());
        }
        if (c.deadline() != null) {
            assertThat(calendar.isWorkingDay(c.deadline())).isTrue();
        }
    }

    private @Nullable LocalDate aDeadline(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> calendar.today().minusDays(random.nextInt(5) + 1);
            default -> calendar.today().plusDays(random.nextInt(14));
        };
    }

    private UUID anyone(Random random) {
        return officials.get(random.nextInt(officials.size())).personId();
    }

    private void official(String name, Role role, @Nullable UUID division) {
        UUID id = UUID.randomUUID();
        officials.add(new Official(id, name, name, null, true, List.of(new Membership(UNIT, division, role))));
        people.add(new PersonView(
                id, name, name, null, true, List.of(new PersonView.Position(UNIT, division, role, null))));
    }

    private static List<Object> snapshot(IncomingCase c) {
        List<Object> fields = new ArrayList<>();
        fields.add(c.state());
        fields.add(String.valueOf(c.presentedTo()));
        fields.add(String.valueOf(c.assignedBy()));
        fields.add(String.valueOf(c.leadId()));
        fields.add(String.valueOf(c.supervisorId()));
        fields.add(c.participants());
        fields.add(String.valueOf(c.direction()));
        fields.add(String.valueOf(c.deadline()));
        fields.add(String.valueOf(c.progressNote()));
        fields.add(String.valueOf(c.returnedReason()));
        fields.add(String.valueOf(c.refusedReason()));
        fields.add(String.valueOf(c.completedAt()));
        return fields;
    }
}
