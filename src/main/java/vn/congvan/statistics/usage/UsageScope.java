package vn.congvan.statistics.usage;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Who may read a unit's usage scores: the administrator and the provincial monitor every unit; the
 * leaders, deputies and IT officer of a unit that unit and every unit below it (a district's, its
 * communes). The statistics pages ask it too, to offer the scores only to those who may read them.
 */
@Component
public class UsageScope {

    private static final Set<Role> MAY_READ_OWN_UNIT = Set.of(Role.LEADER, Role.DEPUTY_LEADER, Role.IT_OFFICER);

    private final Directory directory;

    UsageScope(Directory directory) {
        this.directory = directory;
    }

    /** Whether the official may read the usage scores of the unit (false for a unit that does not exist). */
    public boolean covers(Official official, UUID unitId) {
        if (official.isAdministrator() || official.isProvincialMonitor()) {
            return true;
        }
        Set<UUID> seen = new HashSet<>();
        @Nullable UUID current = unitId;
        while (current != null && seen.add(current)) {
            if (readsOwnUnit(official, current)) {
                return true;
            }
            current = directory.findUnit(current).map(UnitView::parentId).orElse(null);
        }
        return false;
    }

    /** Refuses a unit outside the official's reach with {@code statistics.usage.out-of-scope} (403). */
    void require(Official official, UUID unitId) {
        if (!covers(official, unitId)) {
            throw DomainException.forbidden("statistics.usage.out-of-scope");
        }
    }

    /** The units whose scores the official reads as their own (below them, the units follow). */
    Set<UUID> ownUnits(Official official) {
        Set<UUID> own = new HashSet<>();
        for (Role role : MAY_READ_OWN_UNIT) {
            own.addAll(official.unitsWhere(role));
        }
        return own;
    }

    private static boolean readsOwnUnit(Official official, UUID unitId) {
        for (Role role : MAY_READ_OWN_UNIT) {
            if (official.holds(role, unitId)) {
                return true;
            }
        }
        return false;
    }
}
