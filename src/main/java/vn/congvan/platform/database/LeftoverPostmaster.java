package vn.congvan.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on our data directory when CongVan starts. Only a CongVan that
 * ended without stopping it can have left it (a {@code kill -9}, an out-of-memory kill, a crash):
 * the caller holds the {@link DataDirectoryLock}, so no live CongVan uses it. It is stopped the way
 * {@code pg_ctl stop -m fast} stops a server, so that the new start finds the data directory free.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final long FAST_SHUTDOWN_SECONDS = 120;

    private LeftoverPostmaster() {}

    /** Stops the server left on {@code pgData}, if there is one; removes a pid file that names another program. */
    static void stopIfRunning(Path pgData) throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.of(pgData);
        if (pidFile.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pidFile.get().pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // A stale file after a crash of the server itself: PostgreSQL recovers from it alone.
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            // Not ours to inspect (another user's process): PostgreSQL will judge the file itself.
            return;
        }
        if (!isPostgres(command.get())) {
            // The machine restarted and another program got the old server's process id:
            // PostgreSQL would refuse to start while that program runs.
            log.warn(
                    "Removing {}: its process {} is {}, not a PostgreSQL server",
                    PostmasterPidFile.NAME,
                    pidFile.get().pid(),
                    command.get());
            Files.deleteIfExists(pgData.resolve(PostmasterPidFile.NAME));
            return;
        }
        if (!servesDataDirectory(process.get(), pidFile.get(), pgData)) {
            log.warn(
                    "Process {} named in {} is a PostgreSQL server of another data directory; leaving it",
                    pidFile.get().pid(),
                    pgData.resolve(PostmasterPidFile.NAME));
            return;
        }
        log.warn(
                "The PostgreSQL server (process {}) of a CongVan that ended without stopping it still runs on {}:"
                        + " stopping it",
                pidFile.get().pid(),
                pgData);
        stop(process.get());
    }

    private static boolean isPostgres(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("postgres") || name.equals("postgres.exe") || name.equals("postmaster");
    }

    private static boolean servesDataDirectory(ProcessHandle process, PostmasterPidFile pidFile, Path pgData) {
        if (!same(pidFile.dataDirectory(), pgData)) {
            return false;
        }
        Optional<String[]> arguments = process.info().arguments();
        if (arguments.isEmpty()) {
            return true;
        }
        List<String> args = List.of(arguments.get());
        int d = args.indexOf("-D");
        return d >= 0 && d + 1 < args.size() && same(Path.of(args.get(d + 1)), pgData);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written, the server exits. */
    private static void stop(ProcessHandle postmaster) throws IOException {
        boolean signalled = false;
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            signalled = kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException noKillCommand) {
            log.debug("No kill command", noKillCommand);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the leftover PostgreSQL server", e);
        }
        if (!signalled) {
            // SIGTERM: a smart shutdown, which ends as soon as the dead CongVan's sessions are gone.
            postmaster.destroy();
        }
        if (awaitExit(postmaster, FAST_SHUTDOWN_SECONDS)) {
            return;
        }
        log.warn(
                "The leftover PostgreSQL server (process {}) did not stop in {} s: killing it; this start recovers"
                        + " from its write-ahead log",
                postmaster.pid(),
                FAST_SHUTDOWN_SECONDS);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, 30)) {
            throw new IOException("The PostgreSQL server left running on the data directory (process "
                    + postmaster.pid() + ") cannot be stopped");
        }
    }

    private static boolean awaitExit(ProcessHandle process, long seconds) throws IOException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the leftover PostgreSQL server", e);
        }
    }
}
