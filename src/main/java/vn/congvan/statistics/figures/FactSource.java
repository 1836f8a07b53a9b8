package vn.congvan.statistics.figures;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a document or a closed dossier counts from the registry, signing and handling tables
 * (read models, as handling reads the registry's): the one definition of every metric, used by the
 * incremental refresh and by the full recomputation alike.
 */
@Component
class FactSource {

    /**
     * Counted documents: issued outgoing and registered incoming ones, not secret, not refused on
     * arrival. Outgoing ones count on their issue date, incoming ones on their arrival day (Vietnam).
     * A signature counts when its own check passed and its certificate is in the register: a
     * personal one of anyone, the organization one of the issuing unit; the content checked is the
     * main file's current one.
     */
    static final String DOCUMENTS = """
            select d.id as subject_id, 'DOCUMENT' as subject, d.unit_id,
              case when d.direction = 'OUTGOING' then d.issued_date
                   else coalesce((d.arrival_date at time zone 'Asia/Ho_Chi_Minh')::date, d.issued_date) end as day,
              (o)::int as outgoing_issued,
              (o and not d.paper)::int as outgoing_electronic,
              (o and d.paper)::int as outgoing_paper,
              (o and not d.paper and s.personal)::int as outgoing_leader_signed,
              (o and not d.paper and s.organization)::int as outgoing_organization_signed,
              (o and not d.paper and s.personal and s.organization)::int as outgoing_fully_signed,
              (not o)::int as incoming_received,
              (not o and not d.paper)::int as incoming_electronic,
              (not o and d.paper)::int as incoming_paper,
              (not o and not d.paper and coalesce(v.verdict = 'ALL_VALID', false))::int as incoming_valid_signature,
              (not o and coalesce(h.state = 'DONE', false))::int as incoming_handled,
              (not o and coalesce(h.state = 'DONE', false)
                 and (h.deadline is null
                      or (h.completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= h.deadline))::int as incoming_on_time,
              0 as dossiers_closed, 0 as dossiers_in_software
            from document d
            cross join lateral (select d.direction = 'OUTGOING' as o) dir
            left join lateral (
                select f.sha256 from document_file f where f.document_id = d.id and f.role = 'MAIN'
                order by f.position limit 1) f on true
            left join signature_validation v on v.sha256 = f.sha256
            cross join lateral (
                select
                  exists (select 1 from signature_validation_check c
                          join signing_certificate k on k.sha256 = c.certificate_sha256 and k.kind = 'PERSONAL'
                          where c.sha256 = f.sha256 and c.result = 'TOTAL_PASSED') as personal,
                  exists (select 1 from signature_validation_check c
                          join signing_certificate k on k.sha256 = c.certificate_sha256 and k.kind = 'ORGANIZATION'
                            and k.unit_id = d.unit_id
                          where c.sha256 = f.sha256 and c.result = 'TOTAL_PASSED') as organization) s
            left join handling_case h on h.document_id = d.id
            where ((d.direction = 'OUTGOING' and d.status = 'ISSUED')
                   or (d.direction = 'INCOMING' and d.status = 'REGISTERED' and coalesce(h.state, '') <> 'REFUSED'))
              and d.confidentiality = 0
            """;

    /**
     * Closed dossiers, on the day they closed; processed in the software when they hold at least one
     * document and none of them on paper.
     */
    static final String DOSSIERS = """
            select x.id as subject_id, 'DOSSIER' as subject, x.unit_id,
              (x.closed_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
              0 as outgoing_issued, 0 as outgoing_electronic, 0 as outgoing_paper, 0 as outgoing_leader_signed,
              0 as outgoing_organization_signed, 0 as outgoing_fully_signed, 0 as incoming_received,
              0 as incoming_electronic, 0 as incoming_paper, 0 as incoming_valid_signature, 0 as incoming_handled,
              0 as incoming_on_time,
              1 as dossiers_closed,
              (exists (select 1 from dossier_document dd where dd.dossier_id = x.id)
               and not exists (select 1 from dossier_document dd join document d on d.id = dd.document_id
                               where dd.dossier_id = x.id and d.paper))::int as dossiers_in_software
            from dossier x
            where x.state = 'CLOSED'
            """;

    private final JdbcClient jdbc;

    FactSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Fact> document(UUID documentId) {
        return jdbc.sql(DOCUMENTS + " and d.id = ?").param(documentId).query(Fact::read).optional();
    }

    Optional<Fact> dossier(UUID dossierId) {
        return jdbc.sql(DOSSIERS + " and x.id = ?").param(dossierId).query(Fact::read).optional();
    }

    /** Documents whose main file's current content is this one: a content may be shared by copies. */
    List<UUID> documentsWithMainContent(String sha256) {
        return jdbc.sql("select distinct document_id from document_file where sha256 = ? and role = 'MAIN'")
                .param(sha256)
                .query(UUID.class)
                .list();
    }
}
