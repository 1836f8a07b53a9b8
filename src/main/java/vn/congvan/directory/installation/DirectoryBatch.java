package vn.congvan.directory.installation;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.directory.UnitKind;
import vn.congvan.shared.Role;

/**
 * New units, divisions, people and roles gathered in memory, then written with one batch per
 * table so that a whole province takes a few round trips. Parents must be added before children.
 */
final class DirectoryBatch {

    private static final String UNIT = "insert into unit (id, parent_id, kind, level, name, short_name, abbreviation, "
            + "legacy_code, code, valid_from, valid_to, predecessor_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] UNIT_TYPES = {
        Types.OTHER,
        Types.OTHER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.DATE,
        Types.DATE,
        Types.OTHER
    };
    private static final String HISTORY =
            "insert into unit_history (unit_id, name, legacy_code, code, valid_from, valid_to) values (?, ?, ?, ?, ?, ?)";
    private static final int[] HISTORY_TYPES = {
        Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE
    };
    private static final String DIVISION = "insert into division (id, unit_id, name, abbreviation) values (?, ?, ?, ?)";
    private static final int[] DIVISION_TYPES = {Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR};
    private static final String PERSON =
            "insert into person (id, username, full_name, email, password_hash) values (?, ?, ?, ?, ?)";
    private static final int[] PERSON_TYPES = {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final String MEMBERSHIP = "insert into membership (id, person_id, unit_id, division_id, role, "
            + "position_title) values (?, ?, ?, ?, ?, ?)";
    private static final int[] MEMBERSHIP_TYPES = {
        Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR
    };

    private final List<Object[]> units = new ArrayList<>();
    private final List<Object[]> history = new ArrayList<>();
    private final List<Object[]> divisions = new ArrayList<>();
    private final List<Object[]> people = new ArrayList<>();
    private final List<Object[]> memberships = new ArrayList<>();

    void addUnit(
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
        units.add(new Object[] {
            id,
            parentId,
            kind.name(),
            kind.level().name(),
            name,
            shortName,
            abbreviation,
            legacyCode,
            code,
            validFrom,
            validTo,
            predecessorId
        });
    }

    void addHistory(
            UUID unitId,
            String name,
            @Nullable String legacyCode,
            @Nullable String code,
            LocalDate validFrom,
            LocalDate validTo) {
        history.add(new Object[] {unitId, name, legacyCode, code, validFrom, validTo});
    }

    void addDivision(UUID id, UUID unitId, String name, String abbreviation) {
        divisions.add(new Object[] {id, unitId, name, abbreviation});
    }

    void addPerson(UUID id, String username, String fullName, @Nullable String email, String passwordHash) {
        people.add(new Object[] {id, username, fullName, email, passwordHash});
    }

    void addMembership(UUID personId, UUID unitId, @Nullable UUID divisionId, Role role, String title) {
        memberships.add(new Object[] {UUID.randomUUID(), personId, unitId, divisionId, role.name(), title});
    }

    int units() {
        return units.size();
    }

    int people() {
        return people.size();
    }

    void writeWith(JdbcTemplate jdbc) {
        write(jdbc, UNIT, units, UNIT_TYPES);
        write(jdbc, HISTORY, history, HISTORY_TYPES);
        write(jdbc, DIVISION, divisions, DIVISION_TYPES);
        write(jdbc, PERSON, people, PERSON_TYPES);
        write(jdbc, MEMBERSHIP, memberships, MEMBERSHIP_TYPES);
    }

    private static void write(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, types);
        }
    }
}
