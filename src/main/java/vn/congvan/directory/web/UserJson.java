package vn.congvan.directory.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.Role;

/** A person in the API: who they are and the roles they hold; never their password. */
record UserJson(
        UUID id,
        String username,
        String fullName,
        @Nullable String email,
        boolean enabled,
        List<PositionJson> positions) {

    /** One role in one unit. */
    record PositionJson(
            UUID unitId,
            @Nullable UUID divisionId,
            Role role,
            @Nullable String title) {}

    static UserJson of(PersonView person) {
        return new UserJson(
                person.id(),
                person.username(),
                person.fullName(),
                person.email(),
                person.enabled(),
                person.positions().stream()
                        .map(p -> new PositionJson(p.unitId(), p.divisionId(), p.role(), p.title()))
                        .toList());
    }
}
