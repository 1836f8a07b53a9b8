package vn.congvan.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL CongVan starts by default, on a data directory under {@code target/}. */
class EmbeddedPostgresServerTests {

    @Test
    void aCommitIsOnTheDiskBeforeTheClerkIsToldTheDocumentIsRegistered() throws Exception {
        Path dataDir = Path.of("target", "embedded-postgres-tests", UUID.randomUUID().toString());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
                Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    static String setting(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
