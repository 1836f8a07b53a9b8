package vn.congvan.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.store.BlobStore;
import vn.congvan.storage.store.PendingUploads;
import vn.congvan.storage.store.Sha256;

/**
 * The blobs of the installation: contents stored once under their SHA-256, whatever module keeps
 * them. A content is streamed to a staging file while its digest is computed, then its {@code blob}
 * row (the catalogue of what is kept) is written in the caller's transaction and the content kept
 * under its address. A content this transaction brought is forgotten again when it rolls back: a
 * refused request leaves nothing in the store.
 */
@Service
public class Blobs {

    private static final Logger log = LoggerFactory.getLogger(Blobs.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final BlobStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final TransactionTemplate joined;
    private final TransactionTemplate apart;

    Blobs(BlobStore store, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.joined = new TransactionTemplate(transactions);
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores the content (the stream is read to its end, not closed); refuses an empty one ({@code storage.empty}). */
    public StoredBlob store(InputStream content) {
        return store(content, Long.MAX_VALUE);
    }

    /**
     * Stores the content unless it is longer than {@code maxBytes}: then reading stops one byte past
     * the limit and the content is refused ({@code storage.too-large}, 413) without leaving a file.
     */
    public StoredBlob store(InputStream content, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        @Nullable Path staged = null;
        try {
            staged = store.newStagingFile();
            StoredBlob blob = copyDigesting(content, staged, maxBytes);
            Path copy = staged;
            joined.executeWithoutResult(status -> keep(blob, address -> store.keep(address, copy)));
            return blob;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (staged != null) {
                deleteStaged(staged);
            }
        }
    }

    /**
     * Keeps a complete upload as the content {@code blob}, whose SHA-256 the caller computed from its
     * bytes, in the caller's transaction: the bytes become the content where the store holds them (a
     * rename on disk, a copy inside the bucket), without passing through this node.
     */
    public void adopt(PendingUploads.PendingUpload upload, StoredBlob blob) {
        PendingUploads pending = store.pendingUploads();
        joined.executeWithoutResult(status -> keep(blob, address -> pending.keep(upload, address)));
    }

    /** How a content reaches its address in the store. */
    private interface Keeping {
        void keepAt(Sha256 address) throws IOException;
    }

    /**
     * Writes the row first, then keeps the content: the row's lock orders this transaction with a
     * rollback's clean-up of the same content in another one, so that clean-up never removes a
     * content a committed row names.
     */
    private void keep(StoredBlob blob, Keeping keeping) {
        Sha256 address = new Sha256(blob.sha256());
        // A new content takes one insert; a content kept before is held until this transaction ends,
        // or written again when the sweep took it meanwhile.
        int brought;
        do {
            brought = jdbc.sql("insert into blob (sha256, size, created_at) values (?, ?, ?) on conflict do nothing")
                    .params(blob.sha256(), blob.size(), Timestamp.from(clock.instant()))
                    .update();
        } while (brought == 0 && !holdKept(address));
        try {
            keeping.keepAt(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (brought == 1) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        forget(blob);
                    }
                }
            });
        }
    }

    /**
     * Holds the row of a content already kept until this transaction ends, so that the sweep cannot
     * take it before the row that will name it commits; false when there is no such row (any more).
     */
    private boolean holdKept(Sha256 address) {
        return jdbc.sql("select 1 from blob where sha256 = ? for key share")
                .param(address.hex())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * Removes a content whose row was rolled back, unless another transaction has kept it since: the
     * row written again here waits for any other transaction writing it and fails to be written when
     * that one committed.
     */
    private void forget(StoredBlob blob) {
        Sha256 address = new Sha256(blob.sha256());
        try {
            apart.executeWithoutResult(status -> {
                int claimed = jdbc.sql(
                                "insert into blob (sha256, size, created_at) values (?, ?, ?) on conflict do nothing")
                        .params(blob.sha256(), blob.size(), Timestamp.from(clock.instant()))
                        .update();
                if (claimed == 1) {
                    try {
                        store.delete(address);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    jdbc.sql("delete from blob where sha256 = ?")
                            .param(address.hex())
                            .update();
                }
            });
        } catch (RuntimeException e) {
            // The rollback itself stands; a content left without a row is taken by the sweep.
            log.warn("Cannot forget the content {} of a rolled back transaction", address.hex(), e);
        }
    }

    /**
     * A content kept before (a finished upload), held until the caller's transaction ends so that the
     * sweep cannot take it before the row that names it commits; refused when unknown
     * ({@code storage.blob.not-found}).
     */
    public StoredBlob hold(String sha256) {
        Sha256 address = new Sha256(sha256);
        long size = jdbc.sql("select size from blob where sha256 = ? for key share")
                .param(address.hex())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("storage.blob.not-found", address.hex()));
        return new StoredBlob(address.hex(), size);
    }

    /** The content, to be closed by the caller; refused when unknown ({@code storage.blob.not-found}). */
    public InputStream open(String sha256) {
        try {
            return store.open(new Sha256(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The content of {@code size} bytes as a file to serve: whole, or the byte ranges an HTTP Range
     * asks for, read from the store from the first byte wanted.
     */
    public org.springframework.core.io.Resource resource(String sha256, long size) {
        return new BlobResource(store, new Sha256(sha256), size);
    }

    /**
     * The {@code length} bytes of the content from byte {@code offset} on, to be closed by the caller;
     * what comes before them is never read.
     */
    public InputStream openRange(String sha256, long offset, long length) {
        try {
            return new vn.congvan.storage.store.BoundedInputStream(store.openAt(new Sha256(sha256), offset), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content's size in bytes; refused when unknown ({@code storage.blob.not-found}). */
    public long size(String sha256) {
        Sha256 address = new Sha256(sha256);
        return jdbc.sql("select size from blob where sha256 = ?")
                .param(address.hex())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("storage.blob.not-found", address.hex()));
    }

    public boolean exists(String sha256) {
        Sha256 address = new Sha256(sha256);
        return jdbc.sql("select exists (select 1 from blob where sha256 = ?)")
                .param(address.hex())
                .query(Boolean.class)
                .single();
    }

    /** Lets the reader work on a local file holding the content, for random access. */
    public <T> T withLocalFile(String sha256, LocalFileReader<T> reader) {
        try {
            return store.withLocalFile(new Sha256(sha256), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredBlob copyDigesting(InputStream content, Path staged, long maxBytes) throws IOException {
        MessageDigest digest = sha256();
        // Not closed here: the stream belongs to the caller.
        DigestInputStream in = new DigestInputStream(content, digest);
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            while (true) {
                long room = maxBytes - size;
                int wanted = room >= buffer.length ? buffer.length : (int) room + 1;
                int read = in.read(buffer, 0, wanted);
                if (read < 0) {
                    break;
                }
                size += read;
                if (size > maxBytes) {
                    throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "storage.too-large", maxBytes);
                }
                out.write(buffer, 0, read);
            }
            // On disk before it is renamed into place: a crash must not leave a short file under a digest.
            channel.force(false);
        }
        if (size == 0) {
            throw DomainException.invalid("storage.empty");
        }
        return new StoredBlob(Sha256.of(digest.digest()).hex(), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void deleteStaged(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // Must not hide the outcome of the store itself; a leftover staging file holds no state.
            log.warn("Cannot delete the staging file {}", staged, e);
        }
    }
}
