package vn.congvan.exchange.axis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import vn.congvan.storage.Blobs;

/** A stretch of a stored blob, read as a stream of its own: a piece of a resumable upload. */
record BlobRange(Blobs blobs, String sha256, long offset, long length) {

    InputStream open() {
        InputStream in = blobs.open(sha256);
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            close(in);
            throw new UncheckedIOException(e);
        }
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    String digest() {
        MessageDigest digest = AxisSignature.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = open()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AxisSignature.hex(digest.digest());
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
