package vn.congvan.storage.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.FinishedUploads;
import vn.congvan.storage.StoredBlob;

/**
 * Resumable uploads of one official's files (tus 1.0): bytes arrive in PATCHes at the offset the
 * upload stands at and are counted once they are on the disk, so a line that drops costs only what
 * was not yet written; a PATCH with a checksum counts only when its bytes match it. A complete upload
 * becomes a kept content, addressed by its SHA-256, before anyone can use it.
 */
@Service
class Uploads implements FinishedUploads {

    /** This node, as the holder of the uploads its PATCHes are writing. */
    static final UUID NODE = UUID.randomUUID();

    /** tus's status for a PATCH whose bytes do not match their checksum. */
    static final HttpStatusCode CHECKSUM_MISMATCH = HttpStatusCode.valueOf(460);

    private static final int BUFFER_SIZE = 64 * 1024;

    /** A PATCH's checksum as tus sends it: the algorithm and the digest of the PATCH's bytes. */
    record Checksum(String algorithm, byte[] digest) {}

    private final FileUploadRows rows;
    private final UploadParts parts;
    private final Blobs blobs;
    private final UploadProperties settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RunningDigests digests = new RunningDigests();

    Uploads(
            FileUploadRows rows,
            UploadParts parts,
            Blobs blobs,
            UploadProperties settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.parts = parts;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Opens an upload of {@code length} bytes for the official; refuses an empty or too large file. */
    FileUpload create(Official owner, long length, @Nullable String fileName, @Nullable String contentType) {
        if (length <= 0) {
            throw DomainException.invalid("storage.upload.length");
        }
        long limit = settings.maxFileSize().toBytes();
        if (length > limit) {
            throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "storage.too-large", limit);
        }
        Instant now = clock.instant();
        FileUpload upload = new FileUpload(
                UUID.randomUUID(),
                owner.personId(),
                length,
                0,
                fileName,
                contentType,
                null,
                now.plus(settings.expiry()));
        try {
            parts.create(upload.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.insert(upload, now);
        return upload;
    }

    /** The official's upload; another's is as unknown as a missing one ({@code storage.upload.not-found}). */
    FileUpload uploadOf(Official owner, UUID id) {
        return rows.find(id, owner.personId())
                .orElseThrow(() -> DomainException.notFound("storage.upload.not-found", id));
    }

    @Override
    public FinishedUpload of(Official owner, UUID id) {
        FileUpload upload = uploadOf(owner, id);
        String sha256 = upload.sha256();
        if (sha256 == null) {
            throw DomainException.conflict("storage.upload.unfinished", upload.offset(), upload.length());
        }
        return new FinishedUpload(id, upload.fileName(), upload.contentType(), upload.length(), sha256);
    }

    /**
     * Appends the bytes of one PATCH at {@code offset}; returns the upload as it stands after them.
     * When the line drops, the bytes written so far stay counted (unless a checksum was sent, which
     * only the whole PATCH can match).
     */
    FileUpload append(Official owner, UUID id, long offset, @Nullable Checksum checksum, InputStream body) {
        FileUpload upload = uploadOf(owner, id);
        Instant now = clock.instant();
        upload.requireResumableAt(offset, now);
        if (checksum != null && !checksum.algorithm().equals("sha256")) {
            throw DomainException.invalid("storage.upload.checksum-algorithm", checksum.algorithm());
        }
        if (!rows.hold(id, NODE, now, now.plus(settings.hold()))) {
            throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
        }
        try {
            return receive(upload, checksum, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rows.release(id, NODE);
        }
    }

    /** Cancels the official's upload and drops its bytes (tus termination). */
    void cancel(Official owner, UUID id) {
        FileUpload upload = uploadOf(owner, id);
        if (upload.complete()) {
            throw DomainException.conflict("storage.upload.complete");
        }
        if (rows.delete(id, owner.personId())) {
            digests.forget(id);
            try {
                parts.delete(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private FileUpload receive(FileUpload upload, @Nullable Checksum checksum, InputStream body) throws IOException {
        UUID id = upload.id();
        Path part = parts.of(id);
        if (!Files.isRegularFile(part) || Files.size(part) < upload.offset()) {
            // Its bytes are on another node's disk, or were lost with it.
            throw DomainException.conflict("storage.upload.not-here");
        }
        @Nullable MessageDigest whole = digests.takeAt(id, upload.offset());
        @Nullable MessageDigest ofThisPatch = checksum == null ? null : RunningDigests.sha256();
        long checkpoint = settings.checkpoint().toBytes();
        long written = 0;
        long counted = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
            // Bytes past the counted offset are a dropped PATCH's leftovers: nobody was told of them.
            out.truncate(upload.offset());
            out.position(upload.offset());
            byte[] buffer = new byte[BUFFER_SIZE];
            boolean dropped = false;
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException lineDropped) {
                    dropped = true;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (written + n > upload.missing()) {
                    out.truncate(upload.offset() + counted);
                    digests.forget(id);
                    throw DomainException.invalid("storage.upload.past-length", upload.length());
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                if (whole != null) {
                    whole.update(buffer, 0, n);
                }
                if (ofThisPatch != null) {
                    ofThisPatch.update(buffer, 0, n);
                }
                written += n;
                if (ofThisPatch == null && written - counted >= checkpoint && written < upload.missing()) {
                    out.force(false);
                    count(upload, upload.offset() + written);
                    counted = written;
                }
            }
            if (checksum != null
                    && ofThisPatch != null
                    && (dropped || !MessageDigest.isEqual(ofThisPatch.digest(), checksum.digest()))) {
                out.truncate(upload.offset());
                digests.forget(id);
                if (dropped) {
                    return upload;
                }
                throw new DomainException(CHECKSUM_MISMATCH, "storage.upload.checksum");
            }
            out.force(false);
        }
        long reached = upload.offset() + written;
        if (reached < upload.length()) {
            count(upload, reached);
            if (whole != null) {
                digests.put(id, reached, whole);
            }
            return withOffset(upload, reached, null);
        }
        String sha256 = HexFormat.of().formatHex(whole != null ? whole.digest() : digestOf(part));
        transaction.executeWithoutResult(status -> {
            if (!rows.complete(id, NODE, upload.length(), sha256)) {
                throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
            }
            blobs.adopt(part, new StoredBlob(sha256, upload.length()));
        });
        digests.forget(id);
        return withOffset(upload, reached, sha256);
    }

    private void count(FileUpload upload, long offset) {
        if (!rows.advance(upload.id(), NODE, offset, clock.instant().plus(settings.hold()))) {
            throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
        }
    }

    private static FileUpload withOffset(FileUpload upload, long offset, @Nullable String sha256) {
        return new FileUpload(
                upload.id(),
                upload.ownerId(),
                upload.length(),
                offset,
                upload.fileName(),
                upload.contentType(),
                sha256,
                upload.expiresAt());
    }

    private static byte[] digestOf(Path file) throws IOException {
        MessageDigest digest = RunningDigests.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }
}
