package vn.congvan.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that runs beside CongVan when no external database is configured. It is
 * durable (every commit reaches the disk before CongVan acknowledges it), it does not outlive
 * CongVan ({@link PostmasterWatchdog}), and a start after a crash stops what a dead CongVan left
 * running ({@link LeftoverPostmaster}) and lets PostgreSQL recover from its write-ahead log.
 * Every connection proves a password ({@link ClientAuthentication}): the superuser's, which only
 * migrations use, and the application role's, which may not change the audit trail.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "congvan";
    static final String SUPERUSER = "postgres";
    /** The role the running application connects as ({@link ApplicationRoleGrants}). */
    static final String APPLICATION_ROLE = "congvan_app";
    /** Where the passwords live, under the data directory. */
    static final String SECRETS = "db-secrets";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Crash recovery replays the write-ahead log before the server accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(10);

    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final PostmasterWatchdog watchdog;
    private final DataDirectoryLock lock;

    private final Path pgData;
    private final String superuserPassword;
    private String applicationPassword = "";

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres,
            Path pgData,
            String superuserPassword,
            PostmasterWatchdog watchdog,
            DataDirectoryLock lock) {
        this.postgres = postgres;
        this.pgData = pgData;
        this.superuserPassword = superuserPassword;
        this.watchdog = watchdog;
        this.lock = lock;
    }

    static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath().normalize();
        Path home = Objects.requireNonNull(pgData.getParent(), "pgdata is inside the data directory");
        Files.createDirectories(home);
        DataDirectoryLock lock = DataDirectoryLock.take(home);
        try {
            LeftoverPostmaster.stopIfRunning(pgData);
            log.info("Starting embedded PostgreSQL in {}", pgData);
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            Path superuserFile = secretFile(dataDir, SUPERUSER);
            String superuserPassword = SecretFile.read(superuserFile).orElse(null);
            // A data directory made by an older CongVan trusted every connection: its superuser
            // gets a password once the server runs, then the password is required.
            boolean passwordToSet = superuserPassword == null && !fresh;
            if (superuserPassword == null) {
                superuserPassword = SecretFile.randomPassword();
                if (fresh) {
                    SecretFile.write(superuserFile, superuserPassword);
                }
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (fresh) {
                // initdb's --pwfile: the superuser has its password from the first instant.
                builder.setLocaleConfig("pwfile", superuserFile.toString());
            }
            if (!passwordToSet) {
                builder.setDataDirectoryCustomizer(dir -> ClientAuthentication.requirePasswords(dir.toPath()));
            }
            EmbeddedPostgres postgres = builder.setDataDirectory(pgData)
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
                    .setConnectConfig("password", superuserPassword)
                    .start();
            PostmasterWatchdog watchdog;
            try {
                watchdog = PostmasterWatchdog.watch(pgData);
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(postgres, pgData, superuserPassword, watchdog, lock);
            try {
                if (passwordToSet) {
                    server.setSuperuserPassword(superuserFile);
                }
                server.createDatabaseIfMissing();
                server.prepareApplicationRole(secretFile(dataDir, APPLICATION_ROLE));
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

    /** The URL of CongVan's database; the role and its password come apart. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String applicationPassword() {
        return applicationPassword;
    }

    static Path secretFile(Path dataDir, String role) {
        return dataDir.resolve(SECRETS)
                .resolve(role + ".password")
                .toAbsolutePath()
                .normalize();
    }

    private void setSuperuserPassword(Path file) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password '" + superuserPassword + "'");
            SecretFile.write(file, superuserPassword);
            ClientAuthentication.requirePasswords(pgData);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Cannot give the embedded database's superuser a password", e);
        }
        log.info("The embedded PostgreSQL now requires passwords; the superuser's is in {}", file);
    }

    /**
     * Creates the application's role, or gives it the password kept in its file again. Its rights
     * on the tables are granted after every migration ({@link ApplicationRoleGrants}).
     */
    private void prepareApplicationRole(Path file) throws IOException {
        Optional<String> kept = SecretFile.read(file);
        boolean newPassword = kept.isEmpty();
        String password = kept.orElseGet(SecretFile::randomPassword);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            boolean exists;
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + APPLICATION_ROLE + "'")) {
                exists = rs.next();
            }
            statement.execute((exists ? "alter" : "create") + " role " + APPLICATION_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '" + password
                    + "'");
            statement.execute("grant connect on database " + DATABASE + " to " + APPLICATION_ROLE);
        } catch (SQLException e) {
            throw new IOException("Cannot prepare the embedded database's application role", e);
        }
        if (newPassword) {
            SecretFile.write(file, password);
        }
        this.applicationPassword = password;
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
