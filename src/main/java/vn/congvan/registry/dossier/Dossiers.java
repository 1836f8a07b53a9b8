package vn.congvan.registry.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.registry.document.Documents;

/** The stored dossiers and the documents filed in them. */
@Component
class Dossiers {

    /** What a dossier's documents add up to; {@code %s} is the dossier's id. */
    private static final String TOTALS = """
            select min(d.issued_date) as start_date, max(d.issued_date) as end_date, count(d.id)::int as doc_total,
              coalesce(sum(coalesce(d.page_amount, f.page_count, 0)), 0)::int as page_total
            from dossier_document dd
            join document d on d.id = dd.document_id
            left join document_file f on f.document_id = d.id and f.role = 'MAIN'
            where dd.dossier_id = %s""";

    private static final String VIEW = """
            select x.id, x.unit_id, u.name as unit_name, x.year, x.file_notation, x.file_code, x.file_plan_item_id,
              x.title, x.maintenance, x.rights, x.created_by, p.full_name as creator, x.language, x.description,
              x.state, x.created_at, x.closed_at,
              case when x.state = 'CLOSED' then x.start_date else c.start_date end as start_date,
              case when x.state = 'CLOSED' then x.end_date else c.end_date end as end_date,
              case when x.state = 'CLOSED' then x.doc_total else c.doc_total end as doc_total,
              case when x.state = 'CLOSED' then x.page_total else c.page_total end as page_total
            from dossier x
            join directory_units u on u.id = x.unit_id
            join directory_people p on p.id = x.created_by
            cross join lateral (%s) c
            """.formatted(TOTALS.formatted("x.id"));

    /** Chronological order of a dossier: issued date, then arrival (incoming) or creation (outgoing). */
    private static final String CHRONOLOGICAL =
            "d.issued_date, coalesce(d.arrival_date, d.created_at), d.created_at, d.id";

    private final JdbcClient jdbc;

    Dossiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new dossier, unless its file code is taken. */
    boolean insert(Dossier d) {
        return jdbc.sql("""
                        insert into dossier (id, unit_id, year, file_notation, file_code, file_plan_item_id, title,
                          maintenance, rights, language, description, state, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (file_code) do nothing""")
                        .params(
                                d.id(),
                                d.unitId(),
                                d.year(),
                                d.fileNotation(),
                                d.fileCode(),
                                d.filePlanItemId(),
                                d.title(),
                                d.maintenance(),
                                d.rights(),
                                d.language(),
                                d.description(),
                                d.state().name(),
                                d.createdBy(),
                                Timestamp.from(d.createdAt()))
                        .update()
                == 1;
    }

    /** The dossier, locked until the transaction ends: filings and closing of one dossier take turns. */
    Optional<Dossier> lock(UUID id) {
        return jdbc.sql("select * from dossier where id = ? for update")
                .param(id)
                .query(Dossiers::dossier)
                .optional();
    }

    void saveClosed(Dossier d) {
        DossierTotals totals = Objects.requireNonNull(d.closingTotals(), "a closed dossier has its totals");
        jdbc.sql("""
                        update dossier set state = ?, start_date = ?, end_date = ?, doc_total = ?, page_total = ?,
                          closed_by = ?, closed_at = ?
                        where id = ?""")
                .params(
                        d.state().name(),
                        totals.startDate(),
                        totals.endDate(),
                        totals.docTotal(),
                        totals.pageTotal(),
                        d.closedBy(),
                        Timestamp.from(d.closedAt()),
                        d.id())
                .update();
    }

    DossierTotals totals(UUID id) {
        return jdbc.sql(TOTALS.formatted("?"))
                .param(id)
                .query((rs, n) -> new DossierTotals(
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        rs.getInt("doc_total"),
                        rs.getInt("page_total")))
                .single();
    }

    /** Files the document; false when it was already there. */
    boolean file(Filing f) {
        return jdbc.sql("""
                        insert into dossier_document (dossier_id, document_id, added_at, added_by)
                        values (?, ?, ?, ?) on conflict do nothing""")
                        .params(f.dossierId(), f.documentId(), Timestamp.from(f.addedAt()), f.addedBy())
                        .update()
                == 1;
    }

    /** Takes the document out; false when it was not there. */
    boolean remove(UUID dossierId, UUID documentId) {
        return jdbc.sql("delete from dossier_document where dossier_id = ? and document_id = ?")
                        .params(dossierId, documentId)
                        .update()
                == 1;
    }

    Optional<DossierView> view(UUID id) {
        return jdbc.sql(VIEW + " where x.id = ?")
                .param(id)
                .query(Dossiers::view)
                .optional();
    }

    /** Dossiers of the units, newest year first, optionally of one year and one state. */
    List<DossierView> ofUnits(Collection<UUID> unitIds, @Nullable Integer year, @Nullable DossierState state) {
        StringBuilder sql = new StringBuilder(VIEW).append(" where x.unit_id = any(?)");
        List<Object> params = new ArrayList<>();
        params.add(unitIds.toArray(new UUID[0]));
        if (year != null) {
            sql.append(" and x.year = ?");
            params.add(year);
        }
        if (state != null) {
            sql.append(" and x.state = ?");
            params.add(state.name());
        }
        sql.append(" order by x.year desc, x.file_code");
        return jdbc.sql(sql.toString()).params(params).query(Dossiers::view).list();
    }

    /** Dossiers holding the document. */
    List<DossierView> holding(UUID documentId) {
        return jdbc.sql(VIEW + """
                         where exists (select 1 from dossier_document dd where dd.dossier_id = x.id
                          and dd.document_id = ?) order by x.year desc, x.file_code""").param(documentId).query(Dossiers::view).list();
    }

    /** Open dossiers of the units that do not hold the document yet. */
    List<DossierView> openWithout(Collection<UUID> unitIds, UUID documentId) {
        return jdbc.sql(VIEW + """
                         where x.unit_id = any(?) and x.state = 'OPEN' and not exists (select 1
                          from dossier_document dd where dd.dossier_id = x.id and dd.document_id = ?)
                        order by x.year desc, x.file_code""")
                .params(unitIds.toArray(new UUID[0]), documentId)
                .query(Dossiers::view)
                .list();
    }

    /** The documents of the dossier in chronological order, with their main PDF. */
    List<FiledDocument> contents(UUID dossierId) {
        return jdbc.sql("select " + Documents.COLUMNS + """
                        , f.sha256 as main_sha256, f.page_count as main_pages, dd.added_at
                        from dossier_document dd
                        join document d on d.id = dd.document_id
                        join directory_units u on u.id = d.unit_id
                        left join document_file f on f.document_id = d.id and f.role = 'MAIN'
                        where dd.dossier_id = ?
                        order by\s""" + CHRONOLOGICAL)
                .param(dossierId)
                .query((rs, n) -> new FiledDocument(
                        Documents.row(rs, n),
                        rs.getString("main_sha256"),
                        (Integer) rs.getObject("main_pages"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    private static Dossier dossier(ResultSet rs, int n) throws SQLException {
        DossierState state = DossierState.valueOf(rs.getString("state"));
        DossierTotals totals = state == DossierState.CLOSED
                ? new DossierTotals(
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        rs.getInt("doc_total"),
                        rs.getInt("page_total"))
                : null;
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Dossier(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getInt("year"),
                rs.getString("file_notation"),
                rs.getString("file_code"),
                rs.getObject("file_plan_item_id", UUID.class),
                rs.getString("title"),
                rs.getString("maintenance"),
                rs.getString("rights"),
                rs.getString("language"),
                rs.getString("description"),
                state,
                totals,
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("closed_by", UUID.class),
                closedAt == null ? null : closedAt.toInstant());
    }

    private static DossierView view(ResultSet rs, int n) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new DossierView(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getString("unit_name"),
                rs.getInt("year"),
                rs.getString("file_notation"),
                rs.getString("file_code"),
                rs.getObject("file_plan_item_id", UUID.class),
                rs.getString("title"),
                rs.getString("maintenance"),
                rs.getString("rights"),
                rs.getObject("created_by", UUID.class),
                rs.getString("creator"),
                rs.getString("language"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getInt("doc_total"),
                rs.getInt("page_total"),
                rs.getString("description"),
                DossierState.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(),
                closedAt == null ? null : closedAt.toInstant());
    }
}
