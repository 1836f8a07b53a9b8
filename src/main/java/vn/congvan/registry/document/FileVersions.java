package vn.congvan.registry.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.FileVersionAdded;
import vn.congvan.registry.FileVersionView;
import vn.congvan.registry.RegistryAuditAction;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.storage.StoredBlob;

/**
 * The versions of documents' files. A file's current content is the one {@code document_file}
 * names; a new version replaces it only if the caller started from that very content, so two
 * signatures made at once on one file cannot lose each other.
 */
@Component
public class FileVersions {

    /** The reason recorded for the content a file was registered with. */
    static final String REGISTERED = "registered";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FileVersions(JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Makes {@code content} the file's current content; runs inside the caller's transaction. */
    public FileVersionView add(
            DocumentView document, UUID fileId, String expectedSha256, StoredBlob content, String reason, Official by) {
        DocumentView.FileView file = document.files().stream()
                .filter(f -> f.id().equals(fileId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.FILE_NOT_FOUND, fileId));
        String current = jdbc.sql("select sha256 from document_file where id = ? and document_id = ? for update")
                .params(fileId, document.id())
                .query(String.class)
                .single();
        if (!current.equals(expectedSha256)) {
            throw DomainException.conflict("registry.file.changed", file.fileName());
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into document_file_version (file_id, version, sha256, size, reason, created_by, created_at)
                        select f.id, 1, f.sha256, f.size, ?, d.created_by, d.created_at
                        from document_file f join document d on d.id = f.document_id
                        where f.id = ? on conflict do nothing""").params(REGISTERED, fileId).update();
        int version = jdbc.sql("select max(version) + 1 from document_file_version where file_id = ?")
                .param(fileId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into document_file_version (file_id, version, sha256, size, reason, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(fileId, version, content.sha256(), content.size(), reason, by.personId(), now)
                .update();
        jdbc.sql("update document_file set sha256 = ?, size = ? where id = ?")
                .params(content.sha256(), content.size(), fileId)
                .update();
        audit.record(AuditEntry.by(
                by,
                RegistryAuditAction.FILE_VERSION_ADDED,
                "document",
                document.id().toString(),
                document.unitId(),
                Map.of(
                        "file", file.fileName(),
                        "version", Integer.toString(version),
                        "reason", reason,
                        "sha256", content.sha256())));
        events.publishEvent(new FileVersionAdded(
                document.id(), document.unitId(), fileId, version, content.sha256(), file.contentType()));
        return new FileVersionView(
                fileId, version, content.sha256(), content.size(), reason, by.personId(), now.toInstant());
    }

    /** Every content the file had, the original first; a file never changed has only its original. */
    public List<FileVersionView> of(DocumentView document, UUID fileId) {
        DocumentView.FileView file = document.files().stream()
                .filter(f -> f.id().equals(fileId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.FILE_NOT_FOUND, fileId));
        List<FileVersionView> versions = jdbc.sql("""
                        select file_id, version, sha256, size, reason, created_by, created_at
                        from document_file_version where file_id = ? order by version""")
                .param(fileId)
                .query((rs, n) -> new FileVersionView(
                        rs.getObject("file_id", UUID.class),
                        rs.getInt("version"),
                        rs.getString("sha256"),
                        rs.getLong("size"),
                        rs.getString("reason"),
                        rs.getObject("created_by", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (!versions.isEmpty()) {
            return versions;
        }
        return List.of(new FileVersionView(
                fileId, 1, file.sha256(), file.size(), REGISTERED, document.createdBy(), document.createdAt()));
    }
}
