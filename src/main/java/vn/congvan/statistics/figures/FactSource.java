package vn.congvan.statistics.figures;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a document or a closed dossier counts from the views the registry, signing and handling
 * publish ({@code registry_document_facts}, {@code signing_signature_facts}, {@code handling_case_facts}
 * …, never their tables): the one definition of every metric, used by the incremental refresh and by
 * the full recomputation alike.
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
              case when d.is_outgoing then d.issued_date
                   else coalesce((d.arrival_date at time zone 'Asia/Ho_Chi_Minh')::date, d.issued_date) end as day,
              (o)::int as outgoing_issued,
              (o and not d.is_paper)::int as outgoing_electronic,
              (o and d.is_paper)::int as outgoing_paper,
              (o and not d.is_paper and s.personal)::int as outgoing_leader_signed,
              (o and not d.is_paper and s.organization)::int as outgoing_organization_signed,
              (o and not d.is_paper and s.personal and s.organization)::int as outgoing_fully_signed,
              (not o)::int as incoming_received,
              (not o and not d.is_paper)::int as incoming_electronic,
              (not o and d.is_paper)::int as incoming_paper,
              (not o and not d.is_paper and coalesce(v.is_all_valid, false))::int as incoming_valid_signature,
              (not o and coalesce(h.is_done, false))::int as incoming_handled,
              (not o and coalesce(h.is_done, false) and h.is_done_on_time)::int as incoming_on_time,
              0 as dossiers_closed, 0 as dossiers_in_software
            from registry_document_facts d
            cross join lateral (select d.is_outgoing as o) dir
            left join signing_verdict_facts v on v.sha256 = d.main_sha256
            left join lateral (
                select bool_or(k.is_personal) as personal,
                       bool_or(k.is_organization and k.certificate_unit_id = d.unit_id) as organization
                from signing_signature_facts k
                where k.sha256 = d.main_sha256) signed on true
            cross join lateral (
                select coalesce(signed.personal, false) as personal,
                       coalesce(signed.organization, false) as organization) s
            left join handling_case_facts h on h.document_id = d.id
            where ((d.is_outgoing and d.is_issued)
                   or (d.is_incoming and d.is_registered and not coalesce(h.is_refused, false)))
              and not d.is_confidential
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
              (x.holds_documents and not x.holds_paper_documents)::int as dossiers_in_software
            from registry_dossier_facts x
            where x.is_closed
            """;

    private final JdbcClient jdbc;

    FactSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Fact> document(UUID documentId) {
        return jdbc.sql(DOCUMENTS + " and d.id = ?")
                .param(documentId)
                .query(Fact::read)
                .optional();
    }

    Optional<Fact> dossier(UUID dossierId) {
        return jdbc.sql(DOSSIERS + " and x.id = ?")
                .param(dossierId)
                .query(Fact::read)
                .optional();
    }

    /** Documents whose main file's current content is this one: a content may be shared by copies. */
    List<UUID> documentsWithMainContent(String sha256) {
        return jdbc.sql("select distinct document_id from registry_main_files where sha256 = ?")
                .param(sha256)
                .query(UUID.class)
                .list();
    }
}
