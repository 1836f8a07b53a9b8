package vn.congvan.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file PostgreSQL keeps in its data directory while it runs: its first
 * line is the server's process id, its second the data directory the server was started on.
 */
record PostmasterPidFile(long pid, Path dataDirectory) {

    static final String NAME = "postmaster.pid";

    /** The file of the data directory, if there is one that can be read (a half-written one is not). */
    static Optional<PostmasterPidFile> of(Path pgData) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pgData.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(
                    Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim())));
        } catch (NumberFormatException | java.nio.file.InvalidPathException unreadable) {
            return Optional.empty();
        }
    }
}
