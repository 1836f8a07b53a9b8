package vn.congvan.storage;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import vn.congvan.storage.store.BlobStore;
import vn.congvan.storage.store.Sha256;

/**
 * A kept content as Spring MVC serves a file: whole, or the byte ranges a client asks for (HTTP
 * Range: a download resumed, a PDF viewer fetching pages). Its stream opens the store only at the
 * first byte read, so that the bytes a range skips are never read.
 */
final class BlobResource extends AbstractResource {

    private final BlobStore store;
    private final Sha256 address;
    private final long size;

    BlobResource(BlobStore store, Sha256 address, long size) {
        this.store = store;
        this.address = address;
        this.size = size;
    }

    @Override
    public String getDescription() {
        return "content " + address.hex();
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public InputStream getInputStream() {
        return new SeekingStream();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BlobResource that && that.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    /** Skips by moving its start while nothing is read yet; opens the store at that start. */
    private final class SeekingStream extends InputStream {

        private long start;
        private @Nullable InputStream open;
        private boolean closed;

        @Override
        public long skip(long n) throws IOException {
            if (open != null) {
                return open.skip(n);
            }
            long skipped = Math.max(0, Math.min(n, size - start));
            start += skipped;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            return opened().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return opened().read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (open != null) {
                open.close();
            }
        }

        private InputStream opened() throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            if (open == null) {
                open = start == 0 ? store.open(address) : store.openAt(address, start);
            }
            return open;
        }
    }
}
