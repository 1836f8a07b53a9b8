package vn.congvan.storage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.stream.Stream;

/** The local directory contents are streamed into before they are kept, whatever keeps them. */
final class StagingDirectory {

    private final Path directory;

    StagingDirectory(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Path newFile() throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "blob-", ".part");
    }

    /** Drops the files last written before the instant (a crash's leftovers); how many. */
    int dropBefore(Instant instant) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int dropped = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()
                        && attributes.lastModifiedTime().toInstant().isBefore(instant)
                        && Files.deleteIfExists(file)) {
                    dropped++;
                }
            }
        }
        return dropped;
    }
}
