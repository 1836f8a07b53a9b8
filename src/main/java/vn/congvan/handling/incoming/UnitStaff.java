package vn.congvan.handling.incoming;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.Role;

/** The officials of one unit with their roles, as the handling rules need them. */
record UnitStaff(UUID unitId, List<PersonView> people) {

    boolean isMember(UUID personId) {
        return positions(personId).findAny().isPresent();
    }

    boolean holds(UUID personId, Role role) {
        return positions(personId).anyMatch(p -> p.role() == role);
    }

    boolean directs(UUID personId) {
        return holds(personId, Role.LEADER) || holds(personId, Role.DEPUTY_LEADER);
    }

    /** The division the person works in, if any. */
    Optional<UUID> divisionOf(UUID personId) {
        return positions(personId).map(PersonView.Position::divisionId).filter(d -> d != null).findFirst();
    }

    @Nullable String nameOf(@Nullable UUID personId) {
        if (personId == null) {
            return null;
        }
        return people.stream().filter(p -> p.id().equals(personId)).map(PersonView::fullName).findFirst()
                .orElse(null);
    }

    private java.util.stream.Stream<PersonView.Position> positions(UUID personId) {
        return people.stream()
                .filter(p -> p.id().equals(personId) && p.enabled())
                .flatMap(p -> p.positions().stream())
                .filter(p -> p.unitId().equals(unitId));
    }
}
