package vn.congvan.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL server that runs inside the process when no external database is configured. */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "congvan";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(pgData.getParent());
        log.info("Starting embedded PostgreSQL in {}", pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Spring stops the server as a bean, after everything that uses the database;
                // a JVM hook of its own would race the event registry's last queries.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        server.createDatabaseIfMissing();
        return server;
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
        postgres.close();
    }
}
