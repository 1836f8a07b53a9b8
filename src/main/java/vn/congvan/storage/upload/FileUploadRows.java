package vn.congvan.storage.upload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.congvan.storage.store.PendingUploads;

/**
 * The {@code file_upload} rows. One PATCH at a time holds an upload: the PATCH takes the hold for a
 * while and renews it at each checkpoint, so a node that dies mid-PATCH frees it when the hold runs out.
 */
@Repository
class FileUploadRows {

    private static final String COLUMNS =
            "id, owner_id, length, upload_offset, file_name, content_type, sha256, expires_at, piece_size,"
                    + " piece_writers";

    private final JdbcClient jdbc;

    FileUploadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new upload, counted against {@code unitId} (none: no quota binds it). */
    void insert(FileUpload upload, @Nullable UUID unitId, Instant createdAt) {
        jdbc.sql("insert into file_upload (id, owner_id, length, file_name, content_type, created_at,"
                        + " expires_at, piece_size, unit_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        upload.id(),
                        upload.ownerId(),
                        upload.length(),
                        upload.fileName(),
                        upload.contentType(),
                        Timestamp.from(createdAt),
                        Timestamp.from(upload.expiresAt()),
                        upload.pieceSize(),
                        unitId)
                .update();
    }

    /** The upload, when it is the owner's: another official's upload is as unknown as a missing one. */
    Optional<FileUpload> find(UUID id, UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from file_upload where id = ? and owner_id = ?")
                .params(id, ownerId)
                .query(FileUploadRows::upload)
                .optional();
    }

    /**
     * Takes the upload for one PATCH, under the PATCH's own name, unless another holds it still or
     * bytes past {@code offset} were counted meanwhile; false then.
     */
    boolean hold(UUID id, UUID hold, long offset, Instant now, Instant until) {
        return jdbc.sql("update file_upload set held_by = ?, held_until = ? where id = ? and upload_offset = ?"
                                + " and (held_until is null or held_until < ?)")
                        .params(hold, Timestamp.from(until), id, offset, Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Records bytes made durable, renewing the hold; false when this request no longer holds the upload. */
    boolean advance(UUID id, UUID hold, long offset, PendingUploads.PieceWriters writers, Instant until) {
        return jdbc.sql("update file_upload set upload_offset = ?, piece_writers = ?, held_until = ?"
                                + " where id = ? and held_by = ?")
                        .params(offset, writers.text(), Timestamp.from(until), id, hold)
                        .update()
                == 1;
    }

    /** Records the upload complete with its content; false when this request no longer holds it. */
    boolean complete(UUID id, UUID hold, long length, String sha256) {
        return jdbc.sql("update file_upload set upload_offset = ?, sha256 = ?, held_by = null, held_until = null"
                                + " where id = ? and held_by = ?")
                        .params(length, sha256, id, hold)
                        .update()
                == 1;
    }

    void release(UUID id, UUID hold) {
        jdbc.sql("update file_upload set held_by = null, held_until = null where id = ? and held_by = ?")
                .params(id, hold)
                .update();
    }

    boolean delete(UUID id, UUID ownerId) {
        return jdbc.sql("delete from file_upload where id = ? and owner_id = ?")
                        .params(id, ownerId)
                        .update()
                == 1;
    }

    /** Unfinished uploads past their expiry, not held by a PATCH still running. */
    List<UUID> expired(Instant now, int limit) {
        return jdbc.sql("select id from file_upload where expires_at < ? and sha256 is null"
                        + " and (held_until is null or held_until < ?) order by expires_at limit ?")
                .params(Timestamp.from(now), Timestamp.from(now), limit)
                .query(UUID.class)
                .list();
    }

    /** Forgets an expired upload unless a PATCH took it meanwhile; false then. */
    boolean deleteExpired(UUID id, Instant now) {
        return jdbc.sql("delete from file_upload where id = ? and expires_at < ? and sha256 is null"
                                + " and (held_until is null or held_until < ?)")
                        .params(id, Timestamp.from(now), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Whether an unfinished upload of this id is recorded (its bytes are still wanted). */
    boolean unfinished(UUID id) {
        return jdbc.sql("select count(*) from file_upload where id = ? and sha256 is null")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static FileUpload upload(ResultSet rs, int row) throws SQLException {
        @Nullable Timestamp expires = rs.getTimestamp("expires_at");
        return new FileUpload(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getLong("length"),
                rs.getLong("upload_offset"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getString("sha256"),
                java.util.Objects.requireNonNull(expires, "not null in the table")
                        .toInstant(),
                rs.getLong("piece_size"),
                PendingUploads.PieceWriters.parse(rs.getString("piece_writers")));
    }
}
