package vn.congvan.directory.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.UnitHistoryView;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;

/** A unit in the API with its divisions, the units under it, its successors and earlier names. */
record UnitDetailJson(
        UUID id,
        @Nullable UUID parentId,
        UnitKind kind,
        UnitLevel level,
        String name,
        String shortName,
        String abbreviation,
        @Nullable String legacyCode,
        @Nullable String code,
        String organId,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable UUID predecessorId,
        List<DivisionJson> divisions,
        List<UnitJson> children,
        List<UUID> successorIds,
        List<UnitHistoryView> history) {

    /** A division in the API. */
    record DivisionJson(UUID id, String name, String abbreviation) {
        static DivisionJson of(DivisionView division) {
            return new DivisionJson(division.id(), division.name(), division.abbreviation());
        }
    }

    static UnitDetailJson of(
            UnitView unit,
            List<DivisionView> divisions,
            List<UnitView> children,
            List<UnitView> successors,
            List<UnitHistoryView> history) {
        return new UnitDetailJson(
                unit.id(),
                unit.parentId(),
                unit.kind(),
                unit.level(),
                unit.name(),
                unit.shortName(),
                unit.abbreviation(),
                unit.legacyCode(),
                unit.code(),
                unit.organId(),
                unit.validFrom(),
                unit.validTo(),
                unit.predecessorId(),
                divisions.stream().map(DivisionJson::of).toList(),
                children.stream().map(UnitJson::of).toList(),
                successors.stream().map(UnitView::id).toList(),
                history);
    }
}
