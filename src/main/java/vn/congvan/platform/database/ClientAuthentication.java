package vn.congvan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf}, written at every start: every connection, through
 * the local socket or the loopback, proves its role's password (SCRAM). The library's
 * {@code initdb -A trust} let anyone on the machine connect as the superuser.
 */
final class ClientAuthentication {

    static final String FILE = "pg_hba.conf";

    static final String PASSWORDS_REQUIRED = """
            # Written by CongVan at every start: every connection proves its role's password.
            # The passwords are in <data-dir>/db-secrets/, readable by CongVan's user only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private ClientAuthentication() {}

    static void requirePasswords(Path pgData) {
        try {
            Files.writeString(pgData.resolve(FILE), PASSWORDS_REQUIRED, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
