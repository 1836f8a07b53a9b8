package vn.congvan.storage.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of unfinished uploads, where the nodes of the installation find them: one growing file
 * under the data directory, or pieces of a fixed size in the bucket (then an upload interrupted on
 * one node resumes on any other). Bytes are only appended at the offset the caller has counted; a
 * complete upload becomes a kept content under its address without passing through the node again.
 */
public interface PendingUploads {

    /** The size of the pieces an upload of {@code length} bytes is held in (0: one growing file). */
    long pieceSize(long length);

    /** Makes room for a new upload's bytes. */
    void begin(UUID upload) throws IOException;

    /**
     * Continues the upload whose first {@code offset} bytes the caller counted; bytes held past that
     * offset (a dropped request's leftovers) are overwritten. {@code upload}'s writers are those that
     * counted its bytes so far; this request's pieces are written under the name of {@code writer},
     * which takes the upload over from the piece {@code offset} falls in.
     */
    Appending appendAt(PendingUpload upload, long offset, UUID writer) throws IOException;

    /** The upload's bytes from the first, once all are held (to digest an upload resumed elsewhere). */
    InputStream read(PendingUpload upload) throws IOException;

    /** Keeps the complete upload as the content at {@code address} and forgets its pending bytes. */
    void keep(PendingUpload upload, Sha256 address) throws IOException;

    /** Forgets the upload's bytes, if any are held. */
    void drop(UUID upload) throws IOException;

    /** Uploads (at most {@code limit}) whose bytes were all last written before the instant. */
    List<UUID> untouchedSince(Instant instant, int limit) throws IOException;

    /** An upload as its bytes are laid out: its length, the size of its pieces and who wrote them. */
    record PendingUpload(UUID id, long length, long pieceSize, PieceWriters writers) {}

    /**
     * The requests that wrote an upload's pieces: each from its first piece on, until the next one's.
     * A request that continues an upload takes over from the piece it starts in.
     */
    record PieceWriters(List<From> writers) {

        /** No piece written under a request's name (an upload on the disk, or begun before names). */
        public static final PieceWriters NONE = new PieceWriters(List.of());

        /** {@code writer} wrote the pieces from {@code piece} on. */
        public record From(long piece, UUID writer) {}

        public PieceWriters {
            writers = List.copyOf(writers);
        }

        /** The request that wrote the piece, or null for a piece written under its number alone. */
        public @Nullable UUID writerOf(long piece) {
            @Nullable UUID writer = null;
            for (From from : writers) {
                if (from.piece() <= piece) {
                    writer = from.writer();
                }
            }
            return writer;
        }

        /** These writers, with {@code writer} taking over from {@code piece} on. */
        public PieceWriters from(long piece, UUID writer) {
            List<From> kept = new java.util.ArrayList<>(
                    writers.stream().filter(from -> from.piece() < piece).toList());
            kept.add(new From(piece, writer));
            return new PieceWriters(kept);
        }

        /** As kept in the upload's row: {@code 0:<uuid>;12:<uuid>}; null for none. */
        public @Nullable String text() {
            if (writers.isEmpty()) {
                return null;
            }
            return writers.stream()
                    .map(from -> from.piece() + ":" + from.writer())
                    .collect(java.util.stream.Collectors.joining(";"));
        }

        public static PieceWriters parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            List<From> writers = new java.util.ArrayList<>();
            for (String from : text.split(";")) {
                int colon = from.indexOf(':');
                writers.add(
                        new From(Long.parseLong(from.substring(0, colon)), UUID.fromString(from.substring(colon + 1))));
            }
            return new PieceWriters(writers);
        }
    }

    /** The bytes of one request, appended where the upload stood. */
    interface Appending extends Closeable {

        void write(byte[] bytes, int from, int count) throws IOException;

        /** The offset up to which the bytes are durable and seen by every node, at little cost. */
        long checkpoint() throws IOException;

        /** Makes every byte written durable and seen by every node; the offset reached. */
        long finish() throws IOException;

        /** Forgets the bytes written since the last checkpoint (since the start when none). */
        void discard() throws IOException;
    }
}
