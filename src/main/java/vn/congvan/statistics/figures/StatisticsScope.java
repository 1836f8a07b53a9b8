package vn.congvan.statistics.figures;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Membership;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Whose figures an official may see: the administrator, the provincial monitor, the leaders and the
 * IT officer of the province's root unit (the Chairman, the IT centre) see the province; a district's
 * leaders and IT officer their district with its communes; anyone else the units they belong to.
 */
@Component
public class StatisticsScope {

    private static final Set<Role> LEADING = Set.of(Role.LEADER, Role.DEPUTY_LEADER, Role.IT_OFFICER);

    private final Directory directory;

    StatisticsScope(Directory directory) {
        this.directory = directory;
    }

    public boolean seesProvince(Official official) {
        if (official.isAdministrator() || official.isProvincialMonitor()) {
            return true;
        }
        for (Membership m : official.memberships()) {
            if (LEADING.contains(m.role())
                    && directory
                            .findUnit(m.unitId())
                            .map(u -> u.parentId() == null)
                            .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the official is the IT officer of the province's root unit (the provincial IT centre's). */
    public boolean isProvincialItOfficer(Official official) {
        for (UUID unitId : official.unitsWhere(Role.IT_OFFICER)) {
            if (directory.findUnit(unitId).map(u -> u.parentId() == null).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The districts whose territory the official sees as a whole. */
    public Set<UUID> districts(Official official) {
        Set<UUID> result = new LinkedHashSet<>();
        for (Membership m : official.memberships()) {
            if (LEADING.contains(m.role())) {
                directory
                        .findUnit(m.unitId())
                        .filter(u -> u.level() == UnitLevel.DISTRICT)
                        .ifPresent(u -> result.add(u.id()));
            }
        }
        return result;
    }

    public boolean sees(Official official, UUID unitId) {
        if (seesProvince(official) || official.belongsTo(unitId)) {
            return true;
        }
        Set<UUID> districts = districts(official);
        if (districts.isEmpty()) {
            return false;
        }
        Set<UUID> seen = new HashSet<>();
        @Nullable UUID current = unitId;
        while (current != null && seen.add(current)) {
            if (districts.contains(current)) {
                return true;
            }
            current = directory.findUnit(current).map(UnitView::parentId).orElse(null);
        }
        return false;
    }

    /** Refuses a unit outside the official's scope with {@code statistics.unit.outside-scope} (403). */
    public void requireVisible(Official official, UUID unitId) {
        if (!sees(official, unitId)) {
            throw DomainException.forbidden("statistics.unit.outside-scope");
        }
    }

    /** Refuses a ranking of the whole province to who does not see it, or of a district outside their scope. */
    public void requireRankingVisible(Official official, @Nullable UUID withinUnitId) {
        if (seesProvince(official)) {
            return;
        }
        if (withinUnitId == null || !sees(official, withinUnitId)) {
            throw DomainException.forbidden("statistics.ranking.outside-scope");
        }
    }
}
