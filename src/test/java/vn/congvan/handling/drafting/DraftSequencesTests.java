package vn.congvan.handling.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Membership;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Random steps on drafts by random officials: a refused step changes nothing, an accepted one
 * follows the route in order, and a draft is approved only once every step of its route approved it.
 */
class DraftSequencesTests {

    static final UUID UNIT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    final List<Official> officials = new ArrayList<>();

    DraftSequencesTests() {
        for (String name : List.of("Chuyên viên", "Trưởng phòng", "Chánh văn phòng", "Chủ tịch", "Văn thư")) {
            officials.add(new Official(
                    UUID.randomUUID(), name, name, null, true, List.of(new Membership(UNIT, null, Role.SPECIALIST))));
        }
    }

    static final Map<DraftState, Set<DraftState>> ALLOWED = Map.of(
            DraftState.DRAFTING, EnumSet.of(DraftState.DRAFTING, DraftState.SUBMITTED),
            DraftState.SUBMITTED, EnumSet.of(DraftState.SUBMITTED, DraftState.RETURNED, DraftState.APPROVED),
            DraftState.RETURNED, EnumSet.of(DraftState.RETURNED, DraftState.SUBMITTED),
            DraftState.APPROVED, EnumSet.of(DraftState.APPROVED, DraftState.ISSUED),
            DraftState.ISSUED, EnumSet.of(DraftState.ISSUED, DraftState.REVOKED),
            DraftState.REVOKED, EnumSet.of(DraftState.REVOKED));

    @Test
    void randomStepsFollowTheRouteAndNeverSkipAnApproval() {
        Random random = new Random(20261202);
        Set<DraftState> reached = EnumSet.noneOf(DraftState.class);
        int accepted = 0;
        for (int sequence = 0; sequence < 400; sequence++) {
            Official drafter = officials.get(0);
            Draft draft = Draft.started(
                    UNIT,
                    drafter,
                    null,
                    DocumentType.CONG_VAN,
                    "Về việc kiểm tra",
                    Priority.NORMAL,
                    null,
                    List.of(),
                    null);
            List<RouteStep> route = List.of(
                    new RouteStep(1, Role.DIVISION_HEAD, officials.get(1).personId(), null),
                    new RouteStep(2, Role.DIVISION_HEAD, officials.get(2).personId(), null),
                    new RouteStep(3, Role.LEADER, officials.get(3).personId(), null));
            for (int step = 0; step < 30; step++) {
                List<Object> before = snapshot(draft);
                DraftState from = draft.state();
                int action = random.nextInt(7);
                // Half the steps by whoever would be entitled to take them, half by anyone at all.
                Official actor = random.nextBoolean()
                        ? entitled(draft, action)
                        : officials.get(random.nextInt(officials.size()));
                try {
                    switch (action) {
                        case 0 -> draft.submit(actor, route);
                        case 1, 2 -> draft.approve(actor, NOW, SignerAuthority.NONE);
                        case 3 -> draft.returnToDrafter(actor, random.nextInt(4) == 0 ? " " : "Sửa lại đoạn 2");
                        case 4 -> draft.requireMayRevise(actor);
                        case 5 -> {
                            if (random.nextBoolean()) {
                                draft.prepared(UUID.randomUUID());
                            } else {
                                draft.issued();
                            }
                        }
                        default -> draft.revoked();
                    }
                    accepted++;
                    reached.add(draft.state());
                    assertThat(ALLOWED.get(from))
                            .as("%s -> %s", from, draft.state())
                            .contains(draft.state());
                    assertPossible(draft);
                } catch (DomainException refused) {
                    assertThat(snapshot(draft))
                            .as("refused %s changed nothing", refused.code())
                            .isEqualTo(before);
                }
            }
        }
        assertThat(accepted).isGreaterThan(500);
        assertThat(reached).containsAll(EnumSet.allOf(DraftState.class));
    }

    private Official entitled(Draft d, int action) {
        UUID approver = d.currentApprover();
        if ((action == 1 || action == 2 || action == 3) && approver != null) {
            return officials.stream()
                    .filter(o -> o.personId().equals(approver))
                    .findFirst()
                    .orElseThrow();
        }
        return action == 0 || action == 4 ? officials.get(0) : officials.get(4);
    }

    private void assertPossible(Draft d) {
        switch (d.state()) {
            case SUBMITTED -> {
                assertThat(d.currentStep()).isNotNull();
                for (RouteStep s : d.route()) {
                    assertThat(s.decidedAt() != null)
                            .as("steps before the current one are approved, none after")
                            .isEqualTo(s.position() < d.currentStep());
                }
            }
            case APPROVED, ISSUED, REVOKED -> {
                assertThat(d.route()).allSatisfy(s -> assertThat(s.decidedAt()).isNotNull());
                assertThat(d.signerId())
                        .isEqualTo(d.route().get(d.route().size() - 1).approverId());
                assertThat(d.currentStep()).isNull();
            }
            case DRAFTING, RETURNED -> assertThat(d.currentStep()).isNull();
        }
        if (d.state() == DraftState.ISSUED || d.state() == DraftState.REVOKED) {
            assertThat(d.documentId()).isNotNull();
        }
    }

    private static List<Object> snapshot(Draft d) {
        return List.of(
                d.state(),
                String.valueOf(d.currentStep()),
                d.route(),
                String.valueOf(d.signerId()),
                String.valueOf(d.documentId()));
    }
}
