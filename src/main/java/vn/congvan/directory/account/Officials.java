package vn.congvan.directory.account;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.congvan.shared.Membership;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/** Loads a person of the directory with their roles, for form login and API tokens. */
@Component
class Officials implements UserDetailsService {

    private final JdbcClient jdbc;

    Officials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Official loadUserByUsername(String username) {
        record Row(UUID id, String username, String fullName, String passwordHash, boolean enabled, long version) {}
        Row person = jdbc.sql(
                        "select id, username, full_name, password_hash, enabled, credentials_version from person where username = ?")
                .param(username)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("full_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getLong("credentials_version")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
        List<Membership> memberships = jdbc.sql("select unit_id, division_id, role from membership where person_id = ?")
                .param(person.id())
                .query((rs, n) -> new Membership(
                        rs.getObject("unit_id", UUID.class),
                        rs.getObject("division_id", UUID.class),
                        Role.valueOf(rs.getString("role"))))
                .list();
        return new Official(
                person.id(),
                person.username(),
                person.fullName(),
                person.passwordHash(),
                person.enabled(),
                memberships,
                person.version());
    }
}
