package vn.congvan.handling.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.Role;

/**
 * A unit's people as a leader picks them for a task: its leadership first (those in no division),
 * then each division in the directory's order, everyone once, with the title they hold in the unit.
 */
record PeopleByDivision(List<Group> groups) {

    /** A division, or the unit's leadership when {@code division} is null. */
    record Group(@Nullable String division, List<Choice> people) {}

    /** A person to choose, with the title printed for them (their own, or their role's name when none). */
    record Choice(UUID id, String fullName, @Nullable String title, Role role) {}

    /** Roles in the order a unit lists its people: the head first. */
    private static final List<Role> SENIORITY =
            List.of(Role.LEADER, Role.DEPUTY_LEADER, Role.DIVISION_HEAD, Role.SPECIALIST, Role.CLERK, Role.IT_OFFICER);

    static PeopleByDivision of(UUID unitId, List<DivisionView> divisions, List<PersonView> people) {
        Map<@Nullable UUID, List<Choice>> byDivision = new LinkedHashMap<>();
        byDivision.put(null, new ArrayList<>());
        divisions.forEach(d -> byDivision.put(d.id(), new ArrayList<>()));
        for (PersonView person : people) {
            person.positions().stream()
                    .filter(p -> p.unitId().equals(unitId) && SENIORITY.contains(p.role()))
                    .min(Comparator.comparingInt(p -> SENIORITY.indexOf(p.role())))
                    .ifPresent(p -> byDivision
                            .computeIfAbsent(p.divisionId(), d -> new ArrayList<>())
                            .add(new Choice(person.id(), person.fullName(), p.title(), p.role())));
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        divisions.forEach(d -> names.put(d.id(), d.name()));
        List<Group> groups = new ArrayList<>();
        byDivision.forEach((division, choices) -> {
            if (!choices.isEmpty()) {
                choices.sort(Comparator.comparingInt((Choice c) -> SENIORITY.indexOf(c.role()))
                        .thenComparing(Choice::fullName));
                groups.add(new Group(division == null ? null : names.get(division), List.copyOf(choices)));
            }
        });
        return new PeopleByDivision(List.copyOf(groups));
    }
}
