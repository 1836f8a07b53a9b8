package vn.congvan.directory;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Role;

/** A person of the directory with the positions they hold. */
public record PersonView(
        UUID id, String username, String fullName, @Nullable String email, boolean enabled, List<Position> positions) {

    /** One role held in one unit, with the title printed under a signature ("Giám đốc"). */
    public record Position(
            UUID unitId,
            @Nullable UUID divisionId,
            Role role,
            @Nullable String title) {}
}
