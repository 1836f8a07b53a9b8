package vn.congvan.platform.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small shell process, child of CongVan, that stops the embedded PostgreSQL when CongVan ends
 * without stopping it ({@code kill -9}, an out-of-memory kill). It waits for the end of its
 * standard input, a pipe only CongVan writes to: the operating system closes that pipe when
 * CongVan's process ends, however it ends. Then, if the same server still owns the data directory,
 * it asks it for a fast shutdown (SIGINT), as {@code pg_ctl stop -m fast} does.
 */
final class PostmasterWatchdog implements AutoCloseable {

    /** The watchdog's name in the process list ({@code $0} of its script). */
    static final String NAME = "congvan-postgres-watchdog";

    private static final String SCRIPT = "while read -r _; do :; done; "
            + "if [ \"$(head -n 1 \"$2\" 2>/dev/null)\" = \"$1\" ]; then kill -INT \"$1\"; fi";

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Starts a watchdog over the server now named in {@code pgData}'s {@code postmaster.pid}. */
    static PostmasterWatchdog watch(Path pgData) throws IOException {
        PostmasterPidFile running = PostmasterPidFile.of(pgData)
                .orElseThrow(() -> new IOException("The embedded PostgreSQL wrote no " + PostmasterPidFile.NAME));
        Process process = new ProcessBuilder(List.of(
                        "/bin/sh",
                        "-c",
                        SCRIPT,
                        NAME,
                        Long.toString(running.pid()),
                        pgData.resolve(PostmasterPidFile.NAME).toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new PostmasterWatchdog(process);
    }

    /** Ends the watchdog without touching the server: CongVan stops it itself. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
