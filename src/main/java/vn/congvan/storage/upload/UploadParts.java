package vn.congvan.storage.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;

/**
 * The bytes of unfinished uploads, one file each under {@code ${congvan.data-dir}/uploads}, on the
 * same file system as the kept contents so that a complete upload is kept by a rename, not a copy.
 */
@Component
class UploadParts {

    private final Path root;

    UploadParts(CongVanProperties properties) {
        this.root = properties.dataDir().resolve("uploads").toAbsolutePath().normalize();
    }

    Path create(UUID id) throws IOException {
        Files.createDirectories(root);
        Path part = of(id);
        Files.deleteIfExists(part);
        return Files.createFile(part);
    }

    /** The part file of an upload; a UUID names it, so it stays under the root. */
    Path of(UUID id) {
        return root.resolve(id + ".part");
    }

    void delete(UUID id) throws IOException {
        Files.deleteIfExists(of(id));
    }
}
