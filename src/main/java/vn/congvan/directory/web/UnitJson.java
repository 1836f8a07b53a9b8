package vn.congvan.directory.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;

/** A unit in the API, with edXML's {@code organId}. */
record UnitJson(
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
        @Nullable UUID predecessorId) {

    static UnitJson of(UnitView unit) {
        return new UnitJson(
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
                unit.predecessorId());
    }
}
