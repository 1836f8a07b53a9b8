package vn.congvan.registry.dossier;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored lines of the units' file plans. */
@Component
class FilePlanItems {

    private static final String VIEW = """
            select i.id, i.unit_id, i.year, i.file_notation, i.title, i.maintenance, i.division_id,
              v.name as division_name
            from file_plan_item i left join directory_divisions v on v.id = i.division_id""";

    private final JdbcClient jdbc;

    FilePlanItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the line, unless the unit's plan for the year already has its notation. */
    boolean insert(FilePlanItem i) {
        return jdbc.sql("""
                        insert into file_plan_item (id, unit_id, year, file_notation, title, maintenance, division_id,
                          created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (unit_id, year, file_notation) do nothing""")
                        .params(
                                i.id(),
                                i.unitId(),
                                i.year(),
                                i.fileNotation(),
                                i.title(),
                                i.maintenance(),
                                i.divisionId(),
                                i.createdBy(),
                                Timestamp.from(i.createdAt()))
                        .update()
                == 1;
    }

    Optional<FilePlanItemView> find(UUID id) {
        return jdbc.sql(VIEW + " where i.id = ?")
                .param(id)
                .query(FilePlanItemView.class)
                .optional();
    }

    List<FilePlanItemView> of(UUID unitId, int year) {
        return jdbc.sql(VIEW + " where i.unit_id = ? and i.year = ? order by i.file_notation")
                .params(unitId, year)
                .query(FilePlanItemView.class)
                .list();
    }
}
