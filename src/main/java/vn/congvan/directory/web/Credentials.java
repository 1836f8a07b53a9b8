package vn.congvan.directory.web;

import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A person's password, enabled state and credentials version. Every change here raises the
 * version, which ends the person's sessions and API tokens on every node at their next request.
 */
@Component
class Credentials {

    // No 0/O, 1/l/I: a password read out from the administrator's screen is typed without doubt.
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final int GENERATED_LENGTH = 16;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    Credentials(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Ends every session and token of the person: their rights changed. */
    void endSessions(UUID personId) {
        jdbc.sql("update person set credentials_version = credentials_version + 1 where id = ?")
                .param(personId)
                .update();
    }

    void setPassword(UUID personId, String password) {
        jdbc.sql("update person set password_hash = ?, credentials_version = credentials_version + 1 where id = ?")
                .params(passwords.encode(password), personId)
                .update();
    }

    void setEnabled(UUID personId, boolean enabled) {
        jdbc.sql("update person set enabled = ?, credentials_version = credentials_version + 1 where id = ?")
                .params(enabled, personId)
                .update();
    }

    /** A random password of lower and upper case letters and digits, which {@link PasswordRule} accepts. */
    String generate() {
        String all = LOWER + UPPER + DIGITS;
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        password.append(LOWER.charAt(random.nextInt(LOWER.length())));
        password.append(UPPER.charAt(random.nextInt(UPPER.length())));
        password.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        while (password.length() < GENERATED_LENGTH) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        for (int i = password.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, c);
        }
        return password.toString();
    }
}
