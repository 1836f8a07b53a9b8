package vn.congvan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One PostgreSQL for the whole test run: the embedded server, or the external one named by
 * {@code CONGVAN_TEST_DB_URL} (with {@code CONGVAN_TEST_DB_USERNAME}/{@code _PASSWORD}).
 * Every application context of the run connects to it, as several server nodes would.
 */
public final class TestDatabase {

    /** Application contexts connected to the test database and not yet closed. */
    static final java.util.concurrent.atomic.AtomicInteger OPEN_CONTEXTS =
            new java.util.concurrent.atomic.AtomicInteger();

    private static String url;
    private static String username;
    private static String password;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    public static String username() {
        url();
        return username;
    }

    public static String password() {
        url();
        return password;
    }

    private static void start() {
        String external = System.getenv("CONGVAN_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            username = System.getenv().getOrDefault("CONGVAN_TEST_DB_USERNAME", "postgres");
            password = System.getenv().getOrDefault("CONGVAN_TEST_DB_PASSWORD", "");
            return;
        }
        try {
            Path dir = Files.createTempDirectory("congvan-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "500")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create database congvan_test encoding 'UTF8' template template0");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Application contexts close in hooks of their own: let them finish their last
                // queries before the server goes, or their connection pools wait out a timeout.
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (OPEN_CONTEXTS.get() > 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
            url = postgres.getJdbcUrl("postgres", "congvan_test");
            username = "postgres";
            password = "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
