package vn.congvan;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;
import vn.congvan.shared.Role;

/**
 * Builds units and officials of a small province for a test, each with fresh codes and user
 * names so that test classes sharing the database never meet.
 */
public final class TestProvince {

    private final JdbcClient jdbc;
    private final String passwordHash;
    private final int port;

    public TestProvince(JdbcClient jdbc, PasswordEncoder encoder, int port) {
        this.jdbc = jdbc;
        this.passwordHash = encoder.encode(TestDatabaseInitializer.DEMO_PASSWORD);
        this.port = port;
    }

    /** A unit of the test. */
    public record Unit(UUID id, String name, String abbreviation, String legacyCode) {}

    public Unit aUnit(String name, String abbreviation) {
        return aUnit(name, abbreviation, "AGENCY", "PROVINCE", null);
    }

    public Unit aUnit(String name, String abbreviation, String kind, String level, UUID parentId) {
        UUID id = UUID.randomUUID();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String legacyCode = String.format(
                "%03d.%02d.%02d.T%02d",
                random.nextInt(1000), random.nextInt(100), random.nextInt(100), random.nextInt(100));
        jdbc.sql("""
                        insert into unit (id, parent_id, kind, level, name, short_name, abbreviation, legacy_code,
                          code, valid_from) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        parentId,
                        kind,
                        level,
                        name,
                        name,
                        abbreviation,
                        legacyCode,
                        "T." + id.toString().substring(0, 18),
                        LocalDate.of(2020, 1, 1))
                .update();
        return new Unit(id, name, abbreviation, legacyCode);
    }

    public UUID aDivision(UUID unitId, String name, String abbreviation) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into division (id, unit_id, name, abbreviation) values (?, ?, ?, ?)")
                .params(id, unitId, name, abbreviation)
                .update();
        return id;
    }

    /** A person holding the given role in the unit; returns the user name. Password: the demo one. */
    public String anOfficial(String fullName, Role role, UUID unitId) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 12);
        UUID personId = UUID.randomUUID();
        jdbc.sql("insert into person (id, username, full_name, password_hash) values (?, ?, ?, ?)")
                .params(personId, username, fullName, passwordHash)
                .update();
        grant(username, role, unitId);
        return username;
    }

    /** A person holding the given role in a division of the unit; returns the user name. */
    public String anOfficialOfDivision(String fullName, Role role, UUID unitId, UUID divisionId) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.sql("insert into person (id, username, full_name, password_hash) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), username, fullName, passwordHash)
                .update();
        jdbc.sql("insert into membership (id, person_id, unit_id, division_id, role) "
                        + "select ?, id, ?, ?, ? from person where username = ?")
                .params(UUID.randomUUID(), unitId, divisionId, role.name(), username)
                .update();
        return username;
    }

    /** The person id behind a user name. */
    public UUID personId(String username) {
        return jdbc.sql("select id from person where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    public void grant(String username, Role role, UUID unitId) {
        jdbc.sql("insert into membership (id, person_id, unit_id, role) "
                        + "select ?, id, ?, ? from person where username = ?")
                .params(UUID.randomUUID(), unitId, role.name(), username)
                .update();
    }

    /** A bearer token of the API for the official. */
    public String tokenFor(String username) {
        Map<?, ?> answer = RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/auth/token")
                .body(Map.of("username", username, "password", TestDatabaseInitializer.DEMO_PASSWORD))
                .retrieve()
                .body(Map.class);
        return (String) answer.get("token");
    }
}
