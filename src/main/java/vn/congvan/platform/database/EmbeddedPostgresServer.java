package vn.congvan.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that runs beside CongVan when no external database is configured. It is
 * durable (every commit reaches the disk before CongVan acknowledges it), it does not outlive
 * CongVan ({@link PostmasterWatchdog}), and a start after a crash stops what a dead CongVan left
 * running ({@link LeftoverPostmaster}) and lets PostgreSQL recover from its write-ahead log.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "congvan";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Crash recovery replays the write-ahead log before the server accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final PostmasterWatchdog watchdog;
    private final DataDirectoryLock lock;

    private final Path pgData;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres, Path pgData, PostmasterWatchdog watchdog, DataDirectoryLock lock) {
        this.postgres = postgres;
        this.pgData = pgData;
        this.watchdog = watchdog;
        this.lock = lock;
    }

    static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath().normalize();
        Files.createDirectories(pgData.getParent());
        DataDirectoryLock lock = DataDirectoryLock.take(pgData.getParent());
        try {
            LeftoverPostmaster.stopIfRunning(pgData);
            log.info("Starting embedded PostgreSQL in {}", pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring stops the server as a bean, after everything that uses the database;
                    // a JVM hook of its own would race the event registry's last queries.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    // The library's defaults are for throw-away test databases (its -F turns fsync
                    // off, and it turns synchronous_commit off): a power cut would lose documents
                    // the clerk was told were registered, or corrupt the database.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            PostmasterWatchdog watchdog;
            try {
                watchdog = PostmasterWatchdog.watch(pgData);
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, pgData, watchdog, lock);
            try {
                server.createDatabaseIfMissing();
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Cannot prepare the embedded database", e);
        }
    }

    @Override
    public void close() throws IOException {
        watchdog.close();
        try {
            var running = PostmasterPidFile.of(pgData).flatMap(file -> ProcessHandle.of(file.pid()));
            postgres.close();
            // The library waits five seconds for the shutdown checkpoint; the lock is released
            // only when the server is gone, so that a new start never meets it.
            running.ifPresent(EmbeddedPostgresServer::awaitShutdown);
        } finally {
            lock.close();
        }
    }

    private static void awaitShutdown(ProcessHandle postmaster) {
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn("The embedded PostgreSQL (process {}) still shuts down after {}", postmaster.pid(), SHUTDOWN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
