package vn.congvan.exchange.edxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a package's attachments are decoded while it is read: under the data directory in a running
 * CongVan, where the operator sized the disk, not in the JVM's temporary directory. Nothing there
 * is kept: a package's files go when the package is closed, and reach the blob store only through
 * a request that was accepted.
 */
final class SpoolFiles {

    private final @Nullable Path dir;

    SpoolFiles(@Nullable Path dir) {
        this.dir = dir;
    }

    Path newFile() throws IOException {
        if (dir == null) {
            return Files.createTempFile("edxml-", ".part");
        }
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "edxml-", ".part");
    }
}
