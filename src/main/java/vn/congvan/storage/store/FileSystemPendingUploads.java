package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.DomainException;

/**
 * Unfinished uploads as one file each under {@code ${congvan.data-dir}/uploads}, on the same file
 * system as the kept contents, so that a complete upload is kept by a rename, not a copy. Only the
 * node whose disk holds the file can continue an upload.
 */
final class FileSystemPendingUploads implements PendingUploads {

    private static final Pattern PART = Pattern.compile("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.part$");

    /** Flushes unfinished uploads to the disk beside their requests; daemon threads, made as needed. */
    private static final ExecutorService FLUSHING = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "upload-flush");
        thread.setDaemon(true);
        return thread;
    });

    private final Path root;
    private final BlobStore contents;

    FileSystemPendingUploads(Path root, BlobStore contents) {
        this.root = root.toAbsolutePath().normalize();
        this.contents = contents;
    }

    @Override
    public long pieceSize(long length) {
        return 0;
    }

    @Override
    public void begin(UUID upload) throws IOException {
        Files.createDirectories(root);
        Path part = fileOf(upload);
        Files.deleteIfExists(part);
        Files.createFile(part);
    }

    @Override
    public Appending appendAt(PendingUpload upload, long offset, UUID writer) throws IOException {
        Path part = fileOf(upload.id());
        if (!Files.isRegularFile(part) || Files.size(part) < offset) {
            // Its bytes are on another node's disk, or were lost with it.
            throw DomainException.conflict("storage.upload.not-here");
        }
        FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE);
        try {
            out.truncate(offset);
            out.position(offset);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new FileAppending(out, offset);
    }

    @Override
    public InputStream read(PendingUpload upload) throws IOException {
        return Files.newInputStream(fileOf(upload.id()));
    }

    @Override
    public void keep(PendingUpload upload, Sha256 address) throws IOException {
        contents.keep(address, fileOf(upload.id()));
    }

    @Override
    public void drop(UUID upload) throws IOException {
        Files.deleteIfExists(fileOf(upload));
    }

    @Override
    public List<UUID> untouchedSince(Instant instant, int limit) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<UUID> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (found.size() < limit
                        && PART.matcher(name).matches()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(instant)) {
                    found.add(UUID.fromString(name.substring(0, name.length() - ".part".length())));
                }
            }
        }
        return found;
    }

    /** The file of an upload; a UUID names it, so it stays under the root. */
    private Path fileOf(UUID upload) {
        return root.resolve(upload + ".part");
    }

    /**
     * The bytes of one PATCH, made durable beside their reception: a checkpoint starts flushing what
     * was written to the disk on a thread of its own and counts what the last flush that has ended
     * covered, so the disk writes back while the next bytes arrive instead of the request waiting for
     * each flush (the offset counted lags one checkpoint behind, and is always durable).
     */
    private static final class FileAppending implements Appending {

        private final FileChannel out;
        private long checkpoint;
        private @Nullable Future<Long> flushing;

        FileAppending(FileChannel out, long offset) {
            this.out = out;
            this.checkpoint = offset;
        }

        @Override
        public void write(byte[] bytes, int from, int count) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, from, count);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }

        @Override
        public long checkpoint() throws IOException {
            if (flushing != null) {
                if (!flushing.isDone()) {
                    return checkpoint;
                }
                checkpoint = flushed();
            }
            long written = out.position();
            if (written > checkpoint) {
                flushing = FLUSHING.submit(() -> {
                    out.force(false);
                    return written;
                });
            }
            return checkpoint;
        }

        @Override
        public long finish() throws IOException {
            if (flushing != null) {
                checkpoint = flushed();
            }
            out.force(false);
            checkpoint = out.position();
            return checkpoint;
        }

        @Override
        public void discard() throws IOException {
            awaitFlush();
            out.truncate(checkpoint);
            out.position(checkpoint);
        }

        @Override
        public void close() throws IOException {
            try {
                awaitFlush();
            } finally {
                out.close();
            }
        }

        /** The offset the flush in flight reaches, once it has ended; its failure as it failed. */
        private long flushed() throws IOException {
            Future<Long> flush = Objects.requireNonNull(flushing);
            flushing = null;
            try {
                return flush.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the upload was flushed to the disk");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException failed) {
                    throw failed;
                }
                throw new IOException("flushing the upload to the disk failed", e.getCause());
            }
        }

        /** Waits for a flush in flight, whatever it reached: what is counted stays what was counted. */
        private void awaitFlush() throws IOException {
            if (flushing != null) {
                flushed();
            }
        }
    }
}
