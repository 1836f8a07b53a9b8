package vn.congvan.registry.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;

/** The stored documents of every unit, with their files and recipients. */
@Component
public class Documents {

    public static final String COLUMNS = """
            d.id, d.direction, d.status, d.unit_id, u.name as unit_name, d.register_id, d.register_year, d.number,
            d.document_type, d.type_name, d.code_number, d.code_notation, d.issued_date, d.organ_id, d.organ_name,
            d.subject, d.language, d.page_amount, d.description, d.signer_authority, d.signer_position,
            d.signer_full_name, d.priority, d.confidentiality, d.issued_amount, d.due_date, d.to_places,
            d.arrival_date, d.arrival_number, d.edxml_document_id, d.drafting_division_id, d.paper,
            d.created_by, d.created_at, d.no_signed_pdf""";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Document d, String searchText) {
        jdbc.sql("""
                        insert into document (id, direction, unit_id, register_id, register_year, number, document_type,
                          type_name, code_number, code_notation, issued_date, organ_id, organ_name, subject, language,
                          page_amount, description, signer_authority, signer_position, signer_full_name, priority,
                          confidentiality, issued_amount, due_date, to_places, arrival_date, arrival_number,
                          edxml_document_id, drafting_division_id, paper, status, search_vector, created_by,
                          created_at, submission_key, no_signed_pdf)
                        values (:id, :direction, :unitId, :registerId, :year, :number, :documentType, :typeName,
                          :codeNumber, :codeNotation, :issuedDate, :organId, :organName, :subject, :language,
                          :pageAmount, :description, :signerAuthority, :signerPosition, :signerFullName, :priority,
                          :confidentiality, :issuedAmount, :dueDate, :toPlaces, :arrivalDate, :arrivalNumber,
                          :documentId, :draftingDivisionId, :paper, :status, to_tsvector('simple', :searchText),
                          :createdBy, :createdAt, :submissionKey, :noSignedPdf)""")
                .param("id", d.id())
                .param("direction", d.direction().name())
                .param("unitId", d.unitId())
                .param("registerId", d.registerId())
                .param("year", d.registerYear())
                .param("number", d.number())
                .param("documentType", d.documentType().name())
                .param("typeName", d.metadata().typeName())
                .param("codeNumber", d.metadata().codeNumber())
                .param("codeNotation", d.metadata().codeNotation())
                .param("issuedDate", d.metadata().issuedDate())
                .param("organId", d.metadata().organId())
                .param("organName", d.metadata().organName())
                .param("subject", d.metadata().subject())
                .param("language", d.metadata().language())
                .param("pageAmount", d.metadata().pageAmount())
                .param("description", d.metadata().description())
                .param("signerAuthority", d.metadata().signer().authority().name())
                .param("signerPosition", d.metadata().signer().position())
                .param("signerFullName", d.metadata().signer().fullName())
                .param("priority", d.metadata().priority().code())
                .param("confidentiality", d.metadata().confidentiality().code())
                .param("issuedAmount", d.metadata().issuedAmount())
                .param("dueDate", d.metadata().dueDate())
                .param("toPlaces", d.metadata().toPlaces())
                .param("arrivalDate", d.arrivalDate())
                .param("arrivalNumber", d.arrivalNumber())
                .param("documentId", d.documentId())
                .param("draftingDivisionId", d.draftingDivisionId())
                .param("paper", d.paper())
                .param("status", d.status().name())
                .param("searchText", searchText)
                .param("createdBy", d.createdBy())
                .param("createdAt", Timestamp.from(d.createdAt()))
                .param("submissionKey", d.submissionKey())
                .param("noSignedPdf", d.noSignedPdf())
                .update();
        for (DocumentView.FileView f : d.files()) {
            jdbc.sql("""
                            insert into document_file (id, document_id, role, position, sha256, file_name, content_type,
                              size, page_count, text_not_extracted) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            f.id(),
                            d.id(),
                            f.role(),
                            f.position(),
                            f.sha256(),
                            f.fileName(),
                            f.contentType(),
                            f.size(),
                            f.pageCount(),
                            f.textNotExtracted())
                    .update();
        }
        for (DocumentView.RecipientView r : d.recipients()) {
            jdbc.sql("insert into document_recipient (document_id, position, unit_id, organ_id, organ_name) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(d.id(), r.position(), r.unitId(), r.organId(), r.organName())
                    .update();
        }
    }

    /** Adds a recipient after the last one, unless the unit is a recipient already; answers whether it was added. */
    public boolean addRecipient(UUID documentId, UUID unitId, @Nullable String organId, String organName) {
        return jdbc.sql("""
                        insert into document_recipient (document_id, position, unit_id, organ_id, organ_name)
                        select ?, coalesce(max(position), 0) + 1, ?, ?, ? from document_recipient where document_id = ?
                        having not exists (select 1 from document_recipient where document_id = ? and unit_id = ?)""")
                        .params(documentId, unitId, organId, organName, documentId, documentId, unitId)
                        .update()
                > 0;
    }

    void grant(UUID documentId, UUID personId, UUID grantedBy, Instant at) {
        jdbc.sql("insert into document_grant (document_id, person_id, granted_by, granted_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(documentId, personId, grantedBy, Timestamp.from(at))
                .update();
    }

    boolean withdraw(UUID documentId, UUID personId) {
        return jdbc.sql("delete from document_grant where document_id = ? and person_id = ?")
                        .params(documentId, personId)
                        .update()
                > 0;
    }

    public boolean granted(UUID documentId, UUID personId) {
        return jdbc.sql("select count(*) from document_grant where document_id = ? and person_id = ?")
                        .params(documentId, personId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<DocumentView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from document d join directory_units u on u.id = d.unit_id where d.id = ?")
                .param(id)
                .query(Documents::row)
                .optional()
                .map(this::withParts);
    }

    /** Which of these documents are Khẩn or more: one query, without reading the documents. */
    public java.util.Set<UUID> urgentAmong(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from document where id = any(?) and priority <> ?")
                .params(ids.toArray(new UUID[0]), vn.congvan.registry.Priority.NORMAL.code())
                .query(UUID.class)
                .list());
    }

    /** The document as its aggregate, its row locked until the transaction ends. */
    Optional<Document> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + ", d.submission_key from document d join directory_units u on u.id = d.unit_id"
                        + " where d.id = ? for update of d")
                .param(id)
                .query((rs, n) ->
                        new Locked(row(rs, n), (Integer) rs.getObject("number"), rs.getString("submission_key")))
                .optional()
                .map(l -> Document.stored(withParts(l.view()), l.number(), l.submissionKey()));
    }

    private record Locked(
            DocumentView view,
            @Nullable Integer number,
            @Nullable String submissionKey) {}

    /** Stores the number, notation and edXML id a prepared document took ({@link Document#number}). */
    void number(Document numbered) {
        jdbc.sql("""
                        update document set number = ?, register_year = ?, issued_date = ?, code_number = ?,
                          code_notation = ?, edxml_document_id = ?, status = 'ISSUED',
                          search_vector = search_vector || to_tsvector('simple', ?)
                        where id = ? and status = 'PREPARED'""")
                .params(
                        numbered.number(),
                        numbered.registerYear(),
                        numbered.metadata().issuedDate(),
                        numbered.metadata().codeNumber(),
                        numbered.metadata().codeNotation(),
                        numbered.documentId(),
                        new SearchableText()
                                .add(numbered.metadata().codeNumber())
                                .add(numbered.metadata().codeNotation())
                                .folded(),
                        numbered.id())
                .update();
    }

    void revoke(UUID id, Instant at, String reason) {
        jdbc.sql("update document set status = 'REVOKED', revoked_at = ?, revoked_reason = ? where id = ?")
                .params(java.sql.Timestamp.from(at), reason, id)
                .update();
    }

    /** The digest of the request that first registered a document under this key, when it was kept. */
    Optional<String> submissionDigest(UUID createdBy, String submissionKey) {
        return jdbc.sql("select submission_digest from document where created_by = ? and submission_key = ?"
                        + " and submission_digest is not null")
                .params(createdBy, submissionKey)
                .query(String.class)
                .optional();
    }

    void recordSubmissionDigest(UUID documentId, String digest) {
        jdbc.sql("update document set submission_digest = ? where id = ? and submission_digest is null")
                .params(digest, documentId)
                .update();
    }

    Optional<UUID> findBySubmission(UUID createdBy, String submissionKey) {
        return jdbc.sql("select id from document where created_by = ? and submission_key = ?")
                .params(createdBy, submissionKey)
                .query(UUID.class)
                .optional();
    }

    /** An incoming document of the unit with the same edXML id, or the same number, notation and issuer. */
    Optional<DocumentView> findDuplicate(
            UUID unitId,
            @Nullable String documentId,
            @Nullable String codeNumber,
            @Nullable String codeNotation,
            String organName,
            @Nullable String organId,
            LocalDate issuedDate) {
        if (documentId != null && !documentId.isBlank()) {
            Optional<UUID> sameId = jdbc.sql("select id from document where unit_id = ? and direction = 'INCOMING' "
                            + "and edxml_document_id = ? limit 1")
                    .params(unitId, documentId)
                    .query(UUID.class)
                    .optional();
            if (sameId.isPresent()) {
                return find(sameId.get());
            }
        }
        if (codeNumber == null || codeNotation == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id from document
                        where unit_id = ? and direction = 'INCOMING' and code_number = ? and code_notation = ?
                          and extract(year from issued_date) = ?
                          and (lower(organ_name) = lower(?) or (organ_id is not null and organ_id = ?))
                        limit 1""")
                .params(unitId, codeNumber, codeNotation, issuedDate.getYear(), organName, organId)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    /** The documents with these ids, with their parts, in the order given. */
    public List<DocumentView> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, DocumentView> byId = jdbc
                .sql("select " + COLUMNS
                        + " from document d join directory_units u on u.id = d.unit_id where d.id = any(?)")
                .param(ids.toArray(new UUID[0]))
                .query(Documents::row)
                .list()
                .stream()
                .collect(Collectors.toMap(DocumentView::id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    DocumentView withParts(DocumentView d) {
        List<DocumentView.FileView> files = jdbc.sql("""
                        select id, role, position, file_name, content_type, size, sha256, page_count, text_not_extracted
                        from document_file where document_id = ? order by position""")
                .param(d.id())
                .query((rs, n) -> new DocumentView.FileView(
                        rs.getObject("id", UUID.class),
                        rs.getString("role"),
                        rs.getInt("position"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        (Integer) rs.getObject("page_count"),
                        rs.getBoolean("text_not_extracted")))
                .list();
        List<DocumentView.RecipientView> recipients = jdbc.sql("""
                        select position, unit_id, organ_id, organ_name from document_recipient
                        where document_id = ? order by position""")
                .param(d.id())
                .query((rs, n) -> new DocumentView.RecipientView(
                        rs.getInt("position"),
                        rs.getObject("unit_id", UUID.class),
                        rs.getString("organ_id"),
                        rs.getString("organ_name")))
                .list();
        return new DocumentView(
                d.id(),
                d.direction(),
                d.status(),
                d.unitId(),
                d.unitName(),
                d.registerId(),
                d.registerYear(),
                d.documentType(),
                d.metadata(),
                d.arrivalDate(),
                d.arrivalNumber(),
                d.documentId(),
                d.draftingDivisionId(),
                d.paper(),
                d.createdBy(),
                d.createdAt(),
                d.noSignedPdf(),
                files,
                recipients);
    }

    /** The description of the document in a row selected with {@link #COLUMNS}. */
    private static DocumentMetadata metadata(ResultSet rs) throws SQLException {
        return new DocumentMetadata(
                rs.getString("type_name"),
                rs.getString("code_number"),
                rs.getString("code_notation"),
                rs.getObject("issued_date", LocalDate.class),
                rs.getString("organ_id"),
                rs.getString("organ_name"),
                rs.getString("subject"),
                rs.getString("language"),
                (Integer) rs.getObject("page_amount"),
                rs.getString("description"),
                new DocumentMetadata.Signer(
                        SignerAuthority.valueOf(rs.getString("signer_authority")),
                        rs.getString("signer_position"),
                        rs.getString("signer_full_name")),
                Priority.ofCode(rs.getInt("priority")),
                Confidentiality.ofCode(rs.getInt("confidentiality")),
                (Integer) rs.getObject("issued_amount"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("to_places"));
    }

    /** Maps a row selected with {@link #COLUMNS}, without files and recipients. */
    public static DocumentView row(ResultSet rs, int n) throws SQLException {
        return new DocumentView(
                rs.getObject("id", UUID.class),
                Direction.valueOf(rs.getString("direction")),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getObject("unit_id", UUID.class),
                rs.getString("unit_name"),
                rs.getObject("register_id", UUID.class),
                rs.getInt("register_year"),
                DocumentType.valueOf(rs.getString("document_type")),
                metadata(rs),
                rs.getObject("arrival_date", OffsetDateTime.class),
                (Integer) rs.getObject("arrival_number"),
                rs.getString("edxml_document_id"),
                rs.getObject("drafting_division_id", UUID.class),
                rs.getBoolean("paper"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("no_signed_pdf"),
                List.of(),
                List.of());
    }
}
