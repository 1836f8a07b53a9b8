package vn.congvan.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.congvan.platform.CongVanProperties;

/** The embedded PostgreSQL CongVan starts by default, on a data directory under {@code target/}. */
class EmbeddedPostgresServerTests {

    /** One installation's data directory, its server started and migrated once for the tests that look at it. */
    static final Path INSTALLATION =
            Path.of("target", "embedded-postgres-tests", UUID.randomUUID().toString());

    static EmbeddedPostgresServer server;

    @BeforeAll
    static void startAndMigrateTheInstallationsServer() throws Exception {
        server = EmbeddedPostgresServer.start(INSTALLATION);
        DatabaseConfiguration.Credentials owner =
                DatabaseConfiguration.Credentials.owner(properties(INSTALLATION), server);
        Flyway.configure()
                .dataSource(owner.url(), owner.username(), owner.password())
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .callbacks(new ApplicationRoleGrants(EmbeddedPostgresServer.APPLICATION_ROLE))
                .load()
                .migrate();
    }

    @AfterAll
    static void stopTheInstallationsServer() throws Exception {
        server.close();
    }

    @Test
    void aCommitIsOnTheDiskBeforeTheClerkIsToldTheDocumentIsRegistered() throws Exception {
        try (Connection connection =
                connect(DatabaseConfiguration.Credentials.owner(properties(INSTALLATION), server))) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void someoneOnTheMachineWithoutThePasswordCannotConnectAsTheSuperuser() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl() + "?user=postgres")
                        .close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isIn("28P01", "08004");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guessed")
                        .close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("28P01");
        Path password = EmbeddedPostgresServer.secretFile(INSTALLATION, EmbeddedPostgresServer.SUPERUSER);
        assertThat(Files.readString(password)).isEqualTo(server.superuserPassword());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("rw-------");
    }

    @Test
    void anInstallationFromBeforePasswordsGetsOneAtItsNextStart() throws Exception {
        Path dataDir =
                Path.of("target", "embedded-postgres-tests", UUID.randomUUID().toString());
        // The data directory as an older CongVan left it: initdb -A trust, no password anywhere.
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(pgData);
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()
                .close();

        try (EmbeddedPostgresServer older = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> DriverManager.getConnection(older.jdbcUrl(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection owner = connect(DatabaseConfiguration.Credentials.owner(properties(dataDir), older))) {
                assertThat(setting(owner, "fsync")).isEqualTo("on");
            }
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir);
                Connection owner = connect(DatabaseConfiguration.Credentials.owner(properties(dataDir), again))) {
            assertThat(again.superuserPassword())
                    .isEqualTo(Files.readString(
                            EmbeddedPostgresServer.secretFile(dataDir, EmbeddedPostgresServer.SUPERUSER)));
        }
    }

    @Test
    void theApplicationsRoleCannotUpdateOrDeleteAuditRecords() throws Exception {
        DatabaseConfiguration.Credentials application =
                DatabaseConfiguration.Credentials.application(properties(INSTALLATION), server, "", "");
        assertThat(application.username()).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);

        try (Connection app = connect(application);
                Statement statement = app.createStatement()) {
            assertThat(privilege(statement, "audit_record", "select")).isTrue();
            assertThat(privilege(statement, "audit_record", "insert")).isTrue();
            for (String rewrite : new String[] {
                "update audit_record set action = 'rewritten'",
                "delete from audit_record",
                "truncate audit_record",
                "delete from flyway_schema_history",
                "alter table audit_record disable trigger all",
                "create table audit_record_copy (seq bigint)"
            }) {
                assertThatThrownBy(() -> statement.execute(rewrite))
                        .as(rewrite)
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState())
                        .isIn("42501");
            }
            // The rest of the application's work goes on.
            assertThat(privilege(statement, "document", "update")).isTrue();
            assertThat(privilege(statement, "document", "delete")).isTrue();
        }
    }

    @Test
    void theApplicationsRoleOnlyReadsTheViewsModulesPublish() throws Exception {
        try (Connection app = connect(
                        DatabaseConfiguration.Credentials.application(properties(INSTALLATION), server, "", ""));
                Statement statement = app.createStatement()) {
            for (String view : new String[] {"audit_trail_entries", "registry_document_facts", "directory_people"}) {
                assertThat(privilege(statement, view, "select")).as(view).isTrue();
                for (String change : new String[] {"insert", "update", "delete", "truncate"}) {
                    assertThat(privilege(statement, view, change))
                            .as(change + " on " + view)
                            .isFalse();
                }
            }
            // A simple view is updatable, with the view owner's rights: the role's own are refused first.
            assertThatThrownBy(() -> statement.execute("update audit_trail_entries set action = 'rewritten'"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isIn("42501");
            statement
                    .executeQuery("select count(*) from registry_document_facts")
                    .close();
        }
    }

    static CongVanProperties properties(Path dataDir) {
        return new CongVanProperties(
                dataDir,
                new CongVanProperties.Db(null, null, null),
                new CongVanProperties.Demo(false, null, null),
                new CongVanProperties.Api(Duration.ofHours(8)));
    }

    static Connection connect(DatabaseConfiguration.Credentials credentials) throws SQLException {
        return DriverManager.getConnection(credentials.url(), credentials.username(), credentials.password());
    }

    static boolean privilege(Statement statement, String table, String privilege) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "select has_table_privilege(current_user, '" + table + "', '" + privilege + "')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
