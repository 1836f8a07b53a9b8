package vn.congvan.exchange.edxml;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the conformance material of other parties lies: {@code shared/conformance} next to the project's
 * checkout or next to one of its parents (a git worktree sits a level deeper), or where
 * {@code CONGVAN_CONFORMANCE} says.
 */
public final class Conformance {

    private Conformance() {}

    /** The folder of the edXML packages other vendors wrote. */
    public static Path edxml() {
        String configured = System.getenv("CONGVAN_CONFORMANCE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "edxml");
        }
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance").resolve("edxml");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "shared", "conformance", "edxml");
    }
}
