package vn.congvan.storage.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
     * offset (a dropped request's leftovers) are overwritten.
     */
    Appending appendAt(PendingUpload upload, long offset) throws IOException;

    /** The upload's bytes from the first, once all are held (to digest an upload resumed elsewhere). */
    InputStream read(PendingUpload upload) throws IOException;

    /** Keeps the complete upload as the content at {@code address} and forgets its pending bytes. */
    void keep(PendingUpload upload, Sha256 address) throws IOException;

    /** Forgets the upload's bytes, if any are held. */
    void drop(UUID upload) throws IOException;

    /** Uploads (at most {@code limit}) whose bytes were all last written before the instant. */
    List<UUID> untouchedSince(Instant instant, int limit) throws IOException;

    /** An upload as its bytes are laid out: its length and the size of its pieces. */
    record PendingUpload(UUID id, long length, long pieceSize) {}

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
