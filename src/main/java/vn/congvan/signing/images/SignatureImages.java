package vn.congvan.signing.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * The signature image of each person and the seal image of each unit, kept by the storage module;
 * a new upload replaces the previous image.
 */
@Component
public class SignatureImages {

    private final JdbcClient jdbc;
    private final Blobs blobs;
    private final Clock clock;

    SignatureImages(JdbcClient jdbc, Blobs blobs, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Keeps the image as the owner's (a person's signature, a unit's seal); returns its SHA-256. */
    public String keep(UUID ownerId, ImageKind kind, TransparentPng image, @Nullable UUID uploadedBy) {
        StoredBlob blob = blobs.store(new ByteArrayInputStream(image.bytes()));
        jdbc.sql("""
                        insert into signature_image (owner_id, kind, sha256, width, height, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (owner_id, kind) do update set sha256 = excluded.sha256, width = excluded.width,
                          height = excluded.height, uploaded_by = excluded.uploaded_by,
                          uploaded_at = excluded.uploaded_at""")
                .params(
                        ownerId,
                        kind.name(),
                        blob.sha256(),
                        image.width(),
                        image.height(),
                        uploadedBy,
                        Timestamp.from(clock.instant()))
                .update();
        return blob.sha256();
    }

    /** The owner's image, if one was uploaded. */
    public Optional<byte[]> of(UUID ownerId, ImageKind kind) {
        return jdbc.sql("select sha256 from signature_image where owner_id = ? and kind = ?")
                .params(ownerId, kind.name())
                .query(String.class)
                .optional()
                .map(this::read);
    }

    private byte[] read(String sha256) {
        try (InputStream in = blobs.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
