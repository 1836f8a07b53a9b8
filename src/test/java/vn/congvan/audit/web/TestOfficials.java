package vn.congvan.audit.web;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.shared.Role;

/** Creates people of the directory with one role in a unit of their own, straight in the database. */
final class TestOfficials {

    static final String PASSWORD = "Mật-khẩu-thử-2026";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    TestOfficials(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A new person holding the role; returns their user name. */
    String aPersonWhoIs(Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into unit (id, kind, level, name, short_name, abbreviation, valid_from) "
                        + "values (?, 'AGENCY', 'PROVINCE', ?, ?, ?, ?)")
                .params(unit, "Sở Thử nghiệm " + suffix, "STN " + suffix, "STN", LocalDate.of(2025, 7, 1))
                .update();
        UUID person = UUID.randomUUID();
        String username = role.name().toLowerCase() + "-" + suffix;
        jdbc.sql("insert into person (id, username, full_name, password_hash, enabled) values (?, ?, ?, ?, true)")
                .params(person, username, "Người thử " + suffix, encoder.encode(PASSWORD))
                .update();
        jdbc.sql("insert into membership (id, person_id, unit_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), person, unit, role.name())
                .update();
        return username;
    }
}
