package vn.congvan.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.shared.Diacritics;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Role;

/** What other modules may ask of the directory: units, divisions and people. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private static final String UNIT_COLUMNS =
            "id, parent_id, kind, name, short_name, abbreviation, legacy_code, code, valid_from, valid_to, predecessor_id";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit, or a not-found refusal ({@code directory.unit.not-found}). */
    public UnitView unit(UUID id) {
        return findUnit(id).orElseThrow(() -> DomainException.notFound(DirectoryRefusals.UNIT_NOT_FOUND, id));
    }

    public Optional<UnitView> findUnit(UUID id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit where id = ?")
                .param(id)
                .query(Directory::unit)
                .optional();
    }

    /** A unit by its legacy or newer identification code. */
    public Optional<UnitView> findUnitByCode(String code) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit where legacy_code = ? or code = ? limit 1")
                .params(code, code)
                .query(Directory::unit)
                .optional();
    }

    /** Every unit, the province first, then by level and name. */
    public List<UnitView> units() {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit order by "
                        + "case level when 'PROVINCE' then 0 when 'DISTRICT' then 1 else 2 end, "
                        + "case kind when 'PROVINCIAL_COMMITTEE' then 0 when 'PROVINCIAL_OFFICE' then 1 else 2 end, "
                        + "name")
                .query(Directory::unit)
                .list();
    }

    /**
     * Units matching every filter given: the level, the parent, and a name containing the words of
     * {@code nameContains} regardless of diacritics and case ("xuong giang" finds "Xương Giang").
     */
    public List<UnitView> findUnits(@Nullable UnitLevel level, @Nullable UUID parentId, @Nullable String nameContains) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (level != null) {
            where.append(" and level = ?");
            params.add(level.name());
        }
        if (parentId != null) {
            where.append(" and parent_id = ?");
            params.add(parentId);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            for (String word : Diacritics.fold(nameContains).trim().split("\\s+")) {
                where.append(" and search_text like ? escape '\\'");
                params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit" + where + " order by "
                        + "case level when 'PROVINCE' then 0 when 'DISTRICT' then 1 else 2 end, "
                        + "case kind when 'PROVINCIAL_COMMITTEE' then 0 when 'PROVINCIAL_OFFICE' then 1 else 2 end, "
                        + "name")
                .params(params)
                .query(Directory::unit)
                .list();
    }

    /** Units that took over from the given one when it was merged or renamed. */
    public List<UnitView> successors(UUID unitId) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit where predecessor_id = ? order by valid_from, name")
                .param(unitId)
                .query(Directory::unit)
                .list();
    }

    /** Earlier names and codes of a unit, the oldest first, including those of units merged into it. */
    public List<UnitHistoryView> history(UUID unitId) {
        return jdbc.sql("select name, legacy_code, code, valid_from, valid_to from unit_history "
                        + "where unit_id = ? order by valid_from, name")
                .param(unitId)
                .query((rs, n) -> new UnitHistoryView(
                        rs.getString("name"),
                        rs.getString("legacy_code"),
                        rs.getString("code"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    public List<UnitView> children(UUID parentId) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit where parent_id = ? order by name")
                .param(parentId)
                .query(Directory::unit)
                .list();
    }

    public Optional<DivisionView> findDivision(UUID id) {
        return jdbc.sql("select id, unit_id, name, abbreviation from division where id = ?")
                .param(id)
                .query(Directory::division)
                .optional();
    }

    public List<DivisionView> divisions(UUID unitId) {
        return jdbc.sql("select id, unit_id, name, abbreviation from division where unit_id = ? order by name")
                .param(unitId)
                .query(Directory::division)
                .list();
    }

    public Optional<PersonView> findPerson(UUID id) {
        return people("where p.id = ?", id).stream().findFirst();
    }

    public Optional<PersonView> findPersonByUsername(String username) {
        return people("where p.username = ?", username).stream().findFirst();
    }

    /** People holding any role in the unit. */
    public List<PersonView> people(UUID unitId) {
        return people("where p.id in (select person_id from membership where unit_id = ?)", unitId);
    }

    /** Every person, for the administrator's list, optionally those of one unit. */
    public List<PersonView> people(@Nullable UUID unitId, int limit, int offset) {
        if (unitId != null) {
            return people(
                    "where p.id in (select person_id from membership where unit_id = ?) "
                            + "order by p.full_name limit " + limit + " offset " + offset,
                    unitId);
        }
        return people("order by p.full_name limit " + limit + " offset " + offset);
    }

    /** People holding any role in any of the given units, by name, one page at a time. */
    public List<PersonView> peopleOf(Collection<UUID> unitIds, int limit, int offset) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return people(
                "where p.id in (select person_id from membership where unit_id = any(?)) "
                        + "order by p.full_name, p.username limit " + limit + " offset " + offset,
                (Object) unitIds.toArray(new UUID[0]));
    }

    /** How many people hold a role in any of the given units. */
    public long countPeopleOf(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(distinct person_id) from membership where unit_id = any(?)")
                .param(unitIds.toArray(new UUID[0]))
                .query(Long.class)
                .single();
    }

    /** How many people the directory holds. */
    public long countPeople() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private List<PersonView> people(String where, Object... params) {
        Map<UUID, PersonRow> rows = new LinkedHashMap<>();
        jdbc.sql("select p.id, p.username, p.full_name, p.email, p.enabled from (select * from person p " + where
                        + ") p")
                .params(params)
                .query((rs, n) -> rows.put(
                        rs.getObject("id", UUID.class),
                        new PersonRow(
                                rs.getObject("id", UUID.class),
                                rs.getString("username"),
                                rs.getString("full_name"),
                                rs.getString("email"),
                                rs.getBoolean("enabled"),
                                new ArrayList<>())))
                .list();
        if (!rows.isEmpty()) {
            jdbc.sql("select person_id, unit_id, division_id, role, position_title from membership "
                            + "where person_id = any(?) order by role")
                    .param(rows.keySet().toArray(new UUID[0]))
                    .query((rs, n) -> Objects.requireNonNull(
                                    rows.get(rs.getObject("person_id", UUID.class)), "one of these people")
                            .positions()
                            .add(new PersonView.Position(
                                    rs.getObject("unit_id", UUID.class),
                                    rs.getObject("division_id", UUID.class),
                                    Role.valueOf(rs.getString("role")),
                                    rs.getString("position_title"))))
                    .list();
        }
        return rows.values().stream().map(PersonRow::view).toList();
    }

    private record PersonRow(
            UUID id,
            String username,
            String fullName,
            @Nullable String email,
            boolean enabled,
            List<PersonView.Position> positions) {
        PersonView view() {
            return new PersonView(id, username, fullName, email, enabled, List.copyOf(positions));
        }
    }

    static UnitView unit(ResultSet rs, int row) throws SQLException {
        return new UnitView(
                rs.getObject("id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("abbreviation"),
                rs.getString("legacy_code"),
                rs.getString("code"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getObject("predecessor_id", UUID.class));
    }

    static DivisionView division(ResultSet rs, int row) throws SQLException {
        return new DivisionView(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getString("name"),
                rs.getString("abbreviation"));
    }
}
