package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import vn.congvan.storage.LocalFileReader;

/**
 * Where blob contents live. A content is first streamed to a local staging file (its address is
 * known only at the end), then kept under its address. Unknown addresses are refused with
 * {@code storage.blob.not-found}.
 */
public interface BlobStore {

    /** Where unfinished uploads hold their bytes until they become contents of this store. */
    PendingUploads pendingUploads();

    /** A new empty local file to stream a content into. */
    Path newStagingFile() throws IOException;

    /** Keeps the staged content under its address; when that content is already kept, the staged copy is dropped. */
    void keep(Sha256 address, Path staged) throws IOException;

    InputStream open(Sha256 address) throws IOException;

    /** The content from byte {@code offset} on, without reading what comes before it. */
    InputStream openAt(Sha256 address, long offset) throws IOException;

    /** Forgets the content kept under the address, if any. */
    void delete(Sha256 address) throws IOException;

    /** Runs the reader on a local file with the content (the kept file itself, or a downloaded copy). */
    <T> T withLocalFile(Sha256 address, LocalFileReader<T> reader) throws IOException;

    /**
     * The contents kept before the instant, with their sizes, for the sweep of contents no row
     * names; the stream holds the store's listing open until it is closed.
     */
    Stream<KeptContent> keptBefore(Instant instant) throws IOException;

    /** Drops the staging files last written before the instant (a crash's leftovers); how many. */
    int dropStagingBefore(Instant instant) throws IOException;

    /** A content in the store, as its listing shows it. */
    record KeptContent(Sha256 address, long size) {}
}
