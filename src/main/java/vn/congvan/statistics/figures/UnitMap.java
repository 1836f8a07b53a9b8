package vn.congvan.statistics.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.UnitView;

/**
 * The province's units as a period sees them: a unit closed by a merger before the period ends
 * reports through the unit that took over from it (its documents count there), so a ranking
 * compares the units that exist at the period's end and nothing is counted twice or lost.
 */
final class UnitMap {

    private final Period period;
    private final Map<UUID, UnitView> units = new HashMap<>();
    private final Map<UUID, UUID> reporting = new HashMap<>();
    private final Map<UUID, List<UUID>> members = new HashMap<>();
    private final Map<UUID, List<UUID>> children = new HashMap<>();

    UnitMap(List<UnitView> all, Period period) {
        this.period = period;
        Map<UUID, List<UnitView>> successors = new HashMap<>();
        for (UnitView unit : all) {
            units.put(unit.id(), unit);
            if (unit.predecessorId() != null && !unit.validFrom().isAfter(period.to())) {
                successors
                        .computeIfAbsent(unit.predecessorId(), k -> new ArrayList<>())
                        .add(unit);
            }
        }
        successors
                .values()
                .forEach(list ->
                        list.sort(Comparator.comparing(UnitView::validFrom).thenComparing(UnitView::name)));
        for (UnitView unit : all) {
            UUID target = reportingUnit(unit, successors);
            reporting.put(unit.id(), target);
            members.computeIfAbsent(target, k -> new ArrayList<>()).add(unit.id());
        }
        for (UnitView unit : all) {
            if (unit.parentId() != null
                    && Objects.requireNonNull(reporting.get(unit.id()), "every unit reports")
                            .equals(unit.id())) {
                UUID parent = reporting.getOrDefault(unit.parentId(), unit.parentId());
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit.id());
            }
        }
    }

    private UUID reportingUnit(UnitView unit, Map<UUID, List<UnitView>> successors) {
        UnitView current = unit;
        Set<UUID> seen = new HashSet<>();
        while (seen.add(current.id())
                && current.validTo() != null
                && current.validTo().isBefore(period.to())) {
            List<UnitView> next = successors.get(current.id());
            if (next == null) {
                break;
            }
            current = next.get(0);
        }
        return current.id();
    }

    @Nullable
    UnitView find(UUID unitId) {
        return units.get(unitId);
    }

    /** The unit the given one's figures count for in this period. */
    UUID reportingUnit(UUID unitId) {
        return reporting.getOrDefault(unitId, unitId);
    }

    /** Whether the unit appears on its own in this period: it existed then and was not merged away. */
    boolean listed(UnitView unit) {
        return reportingUnit(unit.id()).equals(unit.id())
                && !unit.validFrom().isAfter(period.to())
                && (unit.validTo() == null || !unit.validTo().isBefore(period.from()));
    }

    /** The units whose documents count for the given one: itself and those merged into it. */
    List<UUID> members(UUID unitId) {
        return members.getOrDefault(unitId, List.of(unitId));
    }

    /** The members of the unit and of every unit below it. */
    Set<UUID> territory(UUID unitId) {
        Set<UUID> result = new LinkedHashSet<>();
        List<UUID> pending = new ArrayList<>(List.of(unitId));
        Set<UUID> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            UUID next = pending.remove(pending.size() - 1);
            if (visited.add(next)) {
                result.addAll(members(next));
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    Set<UUID> covered(UUID unitId, Coverage coverage) {
        return coverage == Coverage.UNIT ? new LinkedHashSet<>(members(unitId)) : territory(unitId);
    }

    /** Whether {@code unitId} is {@code ancestorId} or lies below it. */
    boolean within(UUID unitId, UUID ancestorId) {
        Set<UUID> seen = new HashSet<>();
        UUID current = reportingUnit(unitId);
        while (current != null && seen.add(current)) {
            if (current.equals(ancestorId) || current.equals(reportingUnit(ancestorId))) {
                return true;
            }
            UnitView unit = units.get(current);
            current = unit == null || unit.parentId() == null ? null : reportingUnit(unit.parentId());
        }
        return false;
    }
}
