package vn.congvan.exchange.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.exchange.edxml.ExchangeProperties;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Resumable uploads of large packages (tus 1.0 core): each PATCH received whole and verified is
 * kept as a blob at its offset, so a dropped connection costs that request only and any hub node
 * takes the next one; the last one joins the pieces into the package's blob and lets the pieces go.
 */
@Component
class HubUploads {

    /** An upload's progress. */
    record Progress(UUID id, long length, long offset) {}

    private final JdbcClient jdbc;
    private final Blobs blobs;
    private final ExchangeProperties limits;
    private final Clock clock;

    HubUploads(JdbcClient jdbc, Blobs blobs, ExchangeProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.limits = limits;
        this.clock = clock;
    }

    UUID create(String systemId, long length) {
        if (length <= 0) {
            throw DomainException.invalid("exchange.hub.upload-length");
        }
        if (length
                > Objects.requireNonNull(limits.maxPackageSize(), "defaulted when not set")
                        .toBytes()) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "exchange.edxml.too-large",
                    limits.maxPackageSize().toBytes());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into hub_upload (id, system_id, length, created_at) values (?, ?, ?, ?)")
                .params(id, systemId, length, Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    Progress progress(String systemId, String id) {
        return jdbc.sql("select id, length, upload_offset from hub_upload where id = ? and system_id = ?")
                .params(uploadId(id), systemId)
                .query((rs, n) ->
                        new Progress(rs.getObject("id", UUID.class), rs.getLong("length"), rs.getLong("upload_offset")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("exchange.hub.upload-not-found", id));
    }

    /**
     * Appends the bytes of one PATCH at {@code offset}, which must be the upload's current offset
     * ({@code exchange.hub.upload-offset}, 409); returns the new offset.
     */
    @Transactional
    long append(String systemId, String id, long offset, SpooledBody bytes) {
        UUID uploadId = uploadId(id);
        Progress progress = jdbc.sql("""
                        select id, length, upload_offset from hub_upload where id = ? and system_id = ? for update""")
                .params(uploadId, systemId)
                .query((rs, n) -> new Progress(uploadId, rs.getLong("length"), rs.getLong("upload_offset")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("exchange.hub.upload-not-found", id));
        if (offset != progress.offset()) {
            throw DomainException.conflict("exchange.hub.upload-offset", progress.offset());
        }
        if (offset + bytes.size() > progress.length()) {
            throw DomainException.invalid("exchange.hub.upload-length");
        }
        if (bytes.size() == 0) {
            return offset;
        }
        StoredBlob chunk;
        try (InputStream in = bytes.open()) {
            chunk = blobs.store(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("insert into hub_upload_chunk (upload_id, chunk_offset, sha256, size) values (?, ?, ?, ?)")
                .params(uploadId, offset, chunk.sha256(), chunk.size())
                .update();
        long reached = offset + chunk.size();
        @Nullable
        String finished = reached == progress.length() ? join(uploadId).sha256() : null;
        if (finished != null) {
            // Joined, the pieces are named by no row and the sweep takes them: kept, they doubled the
            // hub's disk for every large package. The rows stay, saying how the upload came.
            jdbc.sql("update hub_upload_chunk set sha256 = null where upload_id = ?")
                    .param(uploadId)
                    .update();
        }
        jdbc.sql("update hub_upload set upload_offset = ?, sha256 = ? where id = ?")
                .params(reached, finished, uploadId)
                .update();
        return reached;
    }

    /** The finished upload's package; refused while bytes are missing ({@code exchange.hub.upload-unfinished}). */
    StoredBlob finished(String systemId, String id) {
        record Upload(@Nullable String sha256, long length) {}
        Upload upload = jdbc.sql("select sha256, length from hub_upload where id = ? and system_id = ?")
                .params(uploadId(id), systemId)
                .query((rs, n) -> new Upload(rs.getString("sha256"), rs.getLong("length")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("exchange.hub.upload-not-found", id));
        if (upload.sha256() == null) {
            throw DomainException.conflict("exchange.hub.upload-unfinished", id);
        }
        return new StoredBlob(upload.sha256(), upload.length());
    }

    private StoredBlob join(UUID uploadId) {
        List<String> pieces = jdbc.sql("select sha256 from hub_upload_chunk where upload_id = ? order by chunk_offset")
                .param(uploadId)
                .query(String.class)
                .list();
        Iterator<String> next = pieces.iterator();
        // Each piece is opened when the one before it is used up: one file open at a time.
        Enumeration<InputStream> opened = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return blobs.open(next.next());
            }
        };
        try (InputStream joined = new SequenceInputStream(opened)) {
            return blobs.store(joined);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID uploadId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("exchange.hub.upload-not-found", id);
        }
    }
}
