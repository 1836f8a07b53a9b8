package vn.congvan.exchange.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import vn.congvan.storage.Blobs;

/** A stretch of a stored blob, read as a stream of its own: a piece of a resumable upload. */
record BlobRange(Blobs blobs, String sha256, long offset, long length) {

    InputStream open() {
        return blobs.openRange(sha256, offset, length);
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
}
