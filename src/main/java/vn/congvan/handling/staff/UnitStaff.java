package vn.congvan.handling.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.Role;

/** The officials of one unit with their roles, as the handling rules need them. */
public record UnitStaff(UUID unitId, List<PersonView> people) {

    public boolean isMember(UUID personId) {
        return positions(personId).findAny().isPresent();
    }

    public boolean holds(UUID personId, Role role) {
        return positions(personId).anyMatch(p -> p.role() == role);
    }

    public boolean directs(UUID personId) {
        return holds(personId, Role.LEADER) || holds(personId, Role.DEPUTY_LEADER);
    }

    /** The division the person works in, if any. */
    public Optional<UUID> divisionOf(UUID personId) {
        return positions(personId)
                .map(PersonView.Position::divisionId)
                .filter(d -> d != null)
                .findFirst();
    }

    public @Nullable String nameOf(@Nullable UUID personId) {
        if (personId == null) {
            return null;
        }
        return people.stream()
                .filter(p -> p.id().equals(personId))
                .map(PersonView::fullName)
                .findFirst()
                .orElse(null);
    }

    /** Everyone of the unit holding the role (in the division, when one is given), by name. */
    public List<UUID> holding(Role role, @Nullable UUID divisionId) {
        return people.stream()
                .filter(PersonView::enabled)
                .filter(p -> p.positions().stream()
                        .anyMatch(pos -> pos.unitId().equals(unitId)
                                && pos.role() == role
                                && (divisionId == null || divisionId.equals(pos.divisionId()))))
                .sorted(java.util.Comparator.comparing(PersonView::fullName))
                .map(PersonView::id)
                .toList();
    }

    /** The title printed under the person's signature in the unit ("Giám đốc"), when the directory has one. */
    public @Nullable String titleOf(UUID personId, Role role) {
        return positions(personId)
                .filter(p -> p.role() == role)
                .map(PersonView.Position::title)
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }

    private java.util.stream.Stream<PersonView.Position> positions(UUID personId) {
        return people.stream()
                .filter(p -> p.id().equals(personId) && p.enabled())
                .flatMap(p -> p.positions().stream())
                .filter(p -> p.unitId().equals(unitId));
    }
}
