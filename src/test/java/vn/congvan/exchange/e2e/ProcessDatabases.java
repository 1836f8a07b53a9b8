package vn.congvan.exchange.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.congvan.TestDatabase;

/**
 * A database of its own for each server process, on the test run's PostgreSQL (which lives in
 * the test JVM, or outside it): a server killed with {@code kill -9} leaves no database process behind.
 */
final class ProcessDatabases {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

    private ProcessDatabases() {}

    /** Creates a fresh, empty database and returns its JDBC URL. */
    static String create(String name) {
        String database = "e2e_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
        Properties credentials = new Properties();
        credentials.setProperty("user", username());
        credentials.setProperty("password", password());
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), credentials)) {
            c.createStatement().execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database, e);
        }
        Matcher url = URL.matcher(TestDatabase.url());
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + TestDatabase.url());
        }
        return url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
    }

    static String username() {
        return TestDatabase.username();
    }

    static String password() {
        return TestDatabase.password();
    }
}
