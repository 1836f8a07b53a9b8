package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.congvan.shared.DomainException;

/**
 * Unfinished uploads as pieces in the bucket, {@code uploads/<id>/<n>.<writer>} holding the bytes
 * from {@code n × piece size}, put by the request named: every piece but the last is put once it is full, and the last one at the
 * end of each request, so that what a node counted is in the bucket for any node to continue. A
 * piece is gathered in a local file before it is put (the heap holds one buffer). A complete upload
 * is kept by the bucket itself, its pieces copied into the content's object as the parts of one
 * multipart upload, and the object appears only when all are in.
 */
final class S3PendingUploads implements PendingUploads {

    private static final String PREFIX = "uploads/";
    private static final Pattern PIECE =
            Pattern.compile("^uploads/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})/[0-9]+(?:\\.[0-9a-f-]{36})?$");
    private static final long MAX_PIECES = 10_000;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final StagingDirectory staging;
    private final long smallestPiece;
    private final ExecutorService puts = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "upload-piece-put");
        thread.setDaemon(true);
        return thread;
    });

    S3PendingUploads(S3Client s3, String bucket, StagingDirectory staging, long smallestPiece) {
        this.s3 = s3;
        this.bucket = bucket;
        this.staging = staging;
        this.smallestPiece = smallestPiece;
    }

    /** Stops the threads that put pieces (the store is closing). */
    void close() {
        puts.shutdown();
    }

    @Override
    public long pieceSize(long length) {
        // S3 copies at most 10,000 parts into one object, each but the last of 5 MiB or more.
        return Math.max(smallestPiece, (length + MAX_PIECES - 1) / MAX_PIECES);
    }

    @Override
    public void begin(UUID upload) {
        // The pieces appear as the bytes come.
    }

    @Override
    public Appending appendAt(PendingUpload upload, long offset, UUID writer) throws IOException {
        long size = upload.pieceSize();
        long index = offset / size;
        long held = offset % size;
        Path buffer = staging.newFile();
        try {
            if (held > 0) {
                fetchStart(pieceKey(upload, index), held, buffer);
            }
            return new PieceAppending(upload, writer, index, held, buffer);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(buffer);
            throw e;
        }
    }

    /** Copies the first {@code held} bytes of a piece into the local buffer the request continues. */
    private void fetchStart(String key, long held, Path buffer) throws IOException {
        try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(key).range("bytes=0-" + (held - 1)))) {
            Files.copy(in, buffer, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 416) {
                throw DomainException.conflict("storage.upload.not-here");
            }
            throw S3BlobStore.unavailable(e);
        } catch (SdkException e) {
            throw S3BlobStore.unavailable(e);
        }
        if (Files.size(buffer) != held) {
            throw DomainException.conflict("storage.upload.not-here");
        }
    }

    @Override
    public InputStream read(PendingUpload upload) {
        long pieces = piecesOf(upload);
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private long next;

            @Override
            public boolean hasMoreElements() {
                return next < pieces;
            }

            @Override
            public InputStream nextElement() {
                if (next >= pieces) {
                    throw new NoSuchElementException();
                }
                String key = pieceKey(upload, next++);
                try {
                    return s3.getObject(g -> g.bucket(bucket).key(key));
                } catch (SdkException e) {
                    throw S3BlobStore.unavailable(e);
                }
            }
        });
    }

    @Override
    public void keep(PendingUpload upload, Sha256 address) throws IOException {
        String target = S3BlobStore.key(address);
        try {
            if (sizeOf(target) != upload.length()) {
                long pieces = piecesOf(upload);
                if (pieces == 1) {
                    s3.copyObject(c -> c.sourceBucket(bucket)
                            .sourceKey(pieceKey(upload, 0))
                            .destinationBucket(bucket)
                            .destinationKey(target));
                } else {
                    copyInParts(upload, pieces, target);
                }
                long kept = sizeOf(target);
                if (kept != upload.length()) {
                    throw new IOException("The object " + target + " holds " + kept + " bytes, not " + upload.length());
                }
            }
        } catch (SdkException e) {
            // The pieces stay: the request may be tried again once the store is back.
            throw S3BlobStore.unavailable(e);
        }
        drop(upload.id());
    }

    private void copyInParts(PendingUpload upload, long pieces, String target) {
        MultipartObject.write(
                s3,
                bucket,
                target,
                pieces,
                (copy, number) -> s3.uploadPartCopy(u -> u.sourceBucket(bucket)
                                .sourceKey(pieceKey(upload, number - 1L))
                                .destinationBucket(bucket)
                                .destinationKey(target)
                                .uploadId(copy)
                                .partNumber(number))
                        .copyPartResult()
                        .eTag());
    }

    @Override
    public void drop(UUID upload) {
        try {
            // One request per piece: not every compatible server takes the batch delete's checksums.
            for (S3Object piece : s3.listObjectsV2Paginator(
                            l -> l.bucket(bucket).prefix(PREFIX + upload + "/"))
                    .contents()) {
                s3.deleteObject(d -> d.bucket(bucket).key(piece.key()));
            }
        } catch (SdkException e) {
            throw S3BlobStore.unavailable(e);
        }
    }

    @Override
    public List<UUID> untouchedSince(Instant instant, int limit) {
        try {
            // The newest piece of each upload decides: an upload still receiving has a recent one.
            Map<UUID, Instant> newest = new HashMap<>();
            for (S3Object piece : s3.listObjectsV2Paginator(
                            l -> l.bucket(bucket).prefix(PREFIX))
                    .contents()) {
                Matcher key = PIECE.matcher(piece.key());
                if (key.matches()) {
                    newest.merge(UUID.fromString(key.group(1)), piece.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            return newest.entrySet().stream()
                    .filter(upload -> upload.getValue().isBefore(instant))
                    .map(Map.Entry::getKey)
                    .limit(limit)
                    .toList();
        } catch (SdkException e) {
            throw S3BlobStore.unavailable(e);
        }
    }

    private long sizeOf(String key) {
        try {
            return s3.headObject(h -> h.bucket(bucket).key(key)).contentLength();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return -1;
            }
            throw e;
        }
    }

    private static long piecesOf(PendingUpload upload) {
        return (upload.length() + upload.pieceSize() - 1) / upload.pieceSize();
    }

    /** The piece as the upload's writers name it: the one its counted bytes are in. */
    private static String pieceKey(PendingUpload upload, long index) {
        return pieceKey(upload.id(), index, upload.writers().writerOf(index));
    }

    /**
     * {@code uploads/<id>/<n>.<writer>}: each request puts its pieces under its own name, so that one
     * whose hold was taken by another writes only pieces nobody reads.
     */
    private static String pieceKey(UUID upload, long index, @Nullable UUID writer) {
        return PREFIX + upload + "/" + index + (writer == null ? "" : "." + writer);
    }

    /**
     * One request's bytes, gathered into the piece they belong to. A full piece is put while the next
     * one is gathered (one put in flight at a time, so a request is as fast as the slower of its line
     * and the bucket's, not of both one after the other); the last piece is put when the request ends.
     */
    private final class PieceAppending implements Appending {

        private final PendingUpload upload;
        private final UUID writer;
        private final long start;
        private Path gathering;
        private FileChannel out;
        private @Nullable Path sending;
        private @Nullable Future<?> inFlight;
        private long index;
        private long inBuffer;
        private long durable;
        private boolean unsaved;

        PieceAppending(PendingUpload upload, UUID writer, long index, long held, Path buffer) throws IOException {
            this.upload = upload;
            this.writer = writer;
            this.index = index;
            this.inBuffer = held;
            this.gathering = buffer;
            this.start = index * upload.pieceSize() + held;
            this.durable = start;
            this.out = FileChannel.open(buffer, StandardOpenOption.WRITE);
            out.position(held);
        }

        @Override
        public void write(byte[] bytes, int from, int count) throws IOException {
            int at = from;
            int left = count;
            while (left > 0) {
                int n = (int) Math.min(left, upload.pieceSize() - inBuffer);
                ByteBuffer slice = ByteBuffer.wrap(bytes, at, n);
                while (slice.hasRemaining()) {
                    out.write(slice);
                }
                inBuffer += n;
                unsaved = true;
                at += n;
                left -= n;
                if (inBuffer == upload.pieceSize()) {
                    sendFullPiece();
                }
            }
        }

        /** Hands the full piece to a put of its own once the previous put is done, and gathers the next. */
        private void sendFullPiece() throws IOException {
            awaitInFlight();
            out.close();
            Path full = gathering;
            long number = index;
            long length = inBuffer;
            gathering = sending != null ? sending : staging.newFile();
            sending = full;
            out = FileChannel.open(gathering, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            inFlight = puts.submit(() -> put(full, number, length));
            index++;
            inBuffer = 0;
            unsaved = false;
        }

        /** Waits for the put in flight; its failure (the bucket down) fails the request. */
        private void awaitInFlight() throws IOException {
            Future<?> put = inFlight;
            if (put == null) {
                return;
            }
            try {
                put.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while a piece was put");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IOException(e.getCause());
            }
            inFlight = null;
            durable = Math.max(durable, index * upload.pieceSize());
        }

        @Override
        public long checkpoint() throws IOException {
            Future<?> put = inFlight;
            if (put != null && put.isDone()) {
                awaitInFlight();
            }
            return durable;
        }

        @Override
        public long finish() throws IOException {
            awaitInFlight();
            if (unsaved && inBuffer > 0) {
                put(gathering, index, inBuffer);
                unsaved = false;
            }
            return index * upload.pieceSize() + inBuffer;
        }

        @Override
        public void discard() {
            // What was put past the counted offset is overwritten when the upload continues there.
            unsaved = false;
        }

        private void put(Path piece, long number, long length) {
            String key = pieceKey(upload.id(), number, writer);
            try {
                s3.putObject(
                        p -> p.bucket(bucket).key(key).contentLength(length),
                        RequestBody.fromContentProvider(() -> read(piece, length), length, "application/octet-stream"));
            } catch (SdkException e) {
                throw S3BlobStore.unavailable(e);
            }
        }

        private static InputStream read(Path piece, long length) {
            try {
                return new BoundedInputStream(
                        new java.io.BufferedInputStream(Files.newInputStream(piece), BUFFER_SIZE), length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                // A put still in flight ends before its file goes; its outcome no longer matters.
                awaitInFlight();
            } catch (IOException | RuntimeException ignored) {
                inFlight = null;
            } finally {
                out.close();
                Files.deleteIfExists(gathering);
                if (sending != null) {
                    Files.deleteIfExists(sending);
                }
            }
        }
    }
}
