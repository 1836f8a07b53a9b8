package vn.congvan.directory;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A unit of the province (cơ quan, đơn vị) as other modules see it. {@code abbreviation} is the
 * issuing-body part of notations ("UBND" in {@code 15/QĐ-UBND}); {@code legacyCode} is the
 * 13-character identifier ({@code 000.00.00.H10}), {@code code} the newer one of up to 35.
 */
public record UnitView(
        UUID id,
        @Nullable UUID parentId,
        UnitKind kind,
        String name,
        String shortName,
        String abbreviation,
        @Nullable String legacyCode,
        @Nullable String code,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable UUID predecessorId) {

    public UnitLevel level() {
        return kind.level();
    }

    /** The identifier used in edXML: the newer code when the unit has one, else the legacy code. */
    public String organId() {
        if (code != null) {
            return code;
        }
        return legacyCode != null ? legacyCode : id.toString();
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
