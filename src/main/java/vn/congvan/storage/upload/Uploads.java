package vn.congvan.storage.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
import vn.congvan.storage.quota.UnitQuotas;
import vn.congvan.storage.store.PendingUploads;
import vn.congvan.storage.store.PendingUploads.PendingUpload;

/**
 * Resumable uploads of one official's files (tus 1.0): bytes arrive in PATCHes at the offset the
 * upload stands at and are counted once the store holds them where its nodes find them (on the disk,
 * or in the bucket for any node to continue), so a line that drops costs only what was not yet
 * written; a PATCH with a checksum counts only when its bytes match it. A complete upload becomes a
 * kept content, addressed by its SHA-256, before anyone can use it.
 */
@Service
class Uploads implements FinishedUploads {

    /**
     * The uploads a PATCH of this node is writing into the store, each with that PATCH's hold. A
     * second PATCH of the same upload is refused while the first one writes, even after the first
     * one's hold expired (its client gone silent): two requests never write the same upload's bytes,
     * so a stalled one cannot overwrite what a later one counted, nor a content it made complete.
     */
    private final ConcurrentMap<UUID, UUID> writing = new ConcurrentHashMap<>();

    /** tus's status for a PATCH whose bytes do not match their checksum. */
    static final HttpStatusCode CHECKSUM_MISMATCH = HttpStatusCode.valueOf(460);

    private static final int BUFFER_SIZE = 64 * 1024;

    /** A PATCH's checksum as tus sends it: the algorithm and the digest of the PATCH's bytes. */
    record Checksum(String algorithm, byte[] digest) {}

    private final FileUploadRows rows;
    private final PendingUploads pending;
    private final Blobs blobs;
    private final UnitQuotas quotas;
    private final UploadProperties settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RunningDigests digests = new RunningDigests();

    Uploads(
            FileUploadRows rows,
            PendingUploads pending,
            Blobs blobs,
            UnitQuotas quotas,
            UploadProperties settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.pending = pending;
        this.blobs = blobs;
        this.quotas = quotas;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Opens an upload of {@code length} bytes for the official, counted against {@code unitId} (one
     * of the official's units; their first when none is named); refuses an empty file, one past the
     * per-file limit, and one past the unit's quota, before anything is stored.
     */
    FileUpload create(
            Official owner,
            long length,
            @Nullable String fileName,
            @Nullable String contentType,
            @Nullable UUID unitId) {
        if (length <= 0) {
            throw DomainException.invalid("storage.upload.length");
        }
        long limit = settings.maxFileSize().toBytes();
        if (length > limit) {
            throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "storage.too-large", limit);
        }
        @Nullable UUID unit = unitCounted(owner, unitId);
        Instant now = clock.instant();
        FileUpload upload = new FileUpload(
                UUID.randomUUID(),
                owner.personId(),
                length,
                0,
                fileName,
                contentType,
                null,
                now.plus(settings.expiry()),
                pending.pieceSize(length),
                PendingUploads.PieceWriters.NONE);
        transaction.executeWithoutResult(status -> {
            if (unit != null) {
                quotas.requireRoom(unit, length);
            }
            try {
                pending.begin(upload.id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.insert(upload, unit, now);
        });
        return upload;
    }

    /** The unit an official's upload counts against; null for an official of no unit (no quota binds). */
    private static @Nullable UUID unitCounted(Official owner, @Nullable UUID named) {
        if (named != null) {
            if (!owner.belongsTo(named)) {
                throw DomainException.forbidden("storage.upload.unit");
            }
            return named;
        }
        return owner.memberships().isEmpty() ? null : owner.memberships().get(0).unitId();
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
        if (upload.complete() && offset == upload.length() && nothingIn(body)) {
            // An empty PATCH at the end of a complete upload (the official Java client sends one when
            // its last request carried exactly the rest of the file) changes nothing: it is answered
            // with the offset, as tus servers do, not refused.
            return upload;
        }
        Instant now = clock.instant();
        upload.requireResumableAt(offset, now);
        if (checksum != null && !checksum.algorithm().equals("sha256")) {
            throw DomainException.invalid("storage.upload.checksum-algorithm", checksum.algorithm());
        }
        // Each PATCH holds the upload under a name of its own: a request whose hold expired and was
        // taken by another can no longer count bytes, complete the upload or release the other's hold.
        UUID hold = UUID.randomUUID();
        if (writing.putIfAbsent(id, hold) != null) {
            throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
        }
        try {
            if (!rows.hold(id, hold, offset, now, now.plus(settings.hold()))) {
                // Another node's PATCH holds it, or counted more bytes since the upload was read.
                uploadOf(owner, id).requireResumableAt(offset, now);
                throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
            }
            try {
                return receive(upload, hold, checksum, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                rows.release(id, hold);
            }
        } finally {
            writing.remove(id, hold);
        }
    }

    private static boolean nothingIn(InputStream body) {
        try {
            return body.read() < 0;
        } catch (IOException lineDropped) {
            return false;
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
                pending.drop(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private FileUpload receive(FileUpload read, UUID hold, @Nullable Checksum checksum, InputStream body)
            throws IOException {
        // This PATCH writes the pieces from the one it starts in, under its hold's name.
        FileUpload upload = read.pieceSize() == 0
                ? read
                : read.withWriters(read.pieceWriters().from(read.offset() / read.pieceSize(), hold));
        UUID id = upload.id();
        PendingUpload held = upload.pending();
        @Nullable MessageDigest whole = digests.takeAt(id, upload.offset());
        @Nullable MessageDigest ofThisPatch = checksum == null ? null : RunningDigests.sha256();
        long checkpoint = settings.checkpoint().toBytes();
        long written = 0;
        long counted = upload.offset();
        long reached;
        try (PendingUploads.Appending out = pending.appendAt(read.pending(), upload.offset(), hold)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            boolean dropped = false;
            long sinceCheckpoint = 0;
            boolean ended = false;
            while (!ended && !dropped) {
                // The buffer is filled before it is written: the connector hands the body over in
                // blocks of a few kilobytes, and a write and a digest per block cost more than the bytes.
                int n = 0;
                try {
                    while (n < buffer.length) {
                        int got = body.read(buffer, n, buffer.length - n);
                        if (got < 0) {
                            ended = true;
                            break;
                        }
                        n += got;
                    }
                } catch (IOException lineDropped) {
                    dropped = true;
                }
                if (n == 0) {
                    continue;
                }
                if (written + n > upload.missing()) {
                    out.discard();
                    digests.forget(id);
                    throw DomainException.invalid("storage.upload.past-length", upload.length());
                }
                out.write(buffer, 0, n);
                if (whole != null) {
                    whole.update(buffer, 0, n);
                }
                if (ofThisPatch != null) {
                    ofThisPatch.update(buffer, 0, n);
                }
                written += n;
                sinceCheckpoint += n;
                // Bytes of a PATCH with a checksum count only together, once they all match it.
                if (ofThisPatch == null && sinceCheckpoint >= checkpoint && written < upload.missing()) {
                    sinceCheckpoint = 0;
                    long durable = out.checkpoint();
                    if (durable > counted) {
                        count(upload, hold, durable);
                        counted = durable;
                    }
                }
            }
            if (checksum != null
                    && ofThisPatch != null
                    && (dropped || !MessageDigest.isEqual(ofThisPatch.digest(), checksum.digest()))) {
                out.discard();
                digests.forget(id);
                if (dropped) {
                    return upload;
                }
                throw new DomainException(CHECKSUM_MISMATCH, "storage.upload.checksum");
            }
            reached = out.finish();
        }
        if (reached < upload.length()) {
            count(upload, hold, reached);
            if (whole != null) {
                digests.put(id, reached, whole);
            }
            return upload.at(reached, null);
        }
        String sha256 = HexFormat.of().formatHex(whole != null ? whole.digest() : digestOf(held));
        transaction.executeWithoutResult(status -> {
            if (!rows.complete(id, hold, upload.length(), sha256)) {
                throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
            }
            blobs.adopt(held, new StoredBlob(sha256, upload.length()));
        });
        digests.forget(id);
        return upload.at(reached, sha256);
    }

    private void count(FileUpload upload, UUID hold, long offset) {
        if (!rows.advance(
                upload.id(),
                hold,
                offset,
                upload.pieceWriters(),
                clock.instant().plus(settings.hold()))) {
            throw new DomainException(HttpStatus.LOCKED, "storage.upload.busy");
        }
    }

    /** The SHA-256 of an upload's held bytes, read again (its PATCHes reached more than this node). */
    private byte[] digestOf(PendingUpload upload) throws IOException {
        MessageDigest digest = RunningDigests.sha256();
        try (InputStream in = pending.read(upload)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }
}
