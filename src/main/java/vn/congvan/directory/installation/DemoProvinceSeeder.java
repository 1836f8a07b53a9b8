package vn.congvan.directory.installation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.directory.DemoDirectorySeeded;
import vn.congvan.directory.DemoProvince;

/**
 * Writes the demo province of {@link DemoProvince} once. The demo counts as present when the
 * office of its People's Committee is; a province root with the demo's code that an earlier start
 * created without the demo is kept, and the demo's units are put under it.
 */
@Component
class DemoProvinceSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoProvinceSeeder.class);
    private static final String MAIL_DOMAIN = "@bacgiang.gov.vn";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final InitialPassword password;
    private final ApplicationEventPublisher events;

    DemoProvinceSeeder(
            JdbcClient jdbc, JdbcTemplate batches, InitialPassword password, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.password = password;
        this.events = events;
    }

    /** Seeds the demo unless it is there; runs inside the caller's transaction. */
    boolean seedIfAbsent() {
        String officeCode = DemoProvince.unit(DemoProvince.OFFICE).legacyCode();
        if (unitIdByCode(officeCode).isPresent()) {
            return false;
        }
        long started = System.nanoTime();
        Optional<UUID> existingCommittee = unitIdByCode(DemoProvince.PROVINCE_CODE);
        Map<String, UUID> units = new HashMap<>();
        Map<String, UUID> divisions = new HashMap<>();
        DirectoryBatch batch = new DirectoryBatch();

        for (DemoProvince.Unit unit : DemoProvince.units()) {
            UUID id;
            if (unit.key().equals(DemoProvince.COMMITTEE) && existingCommittee.isPresent()) {
                id = existingCommittee.get();
                divisions.putAll(existingDivisions(id));
            } else {
                id = UUID.randomUUID();
                batch.addUnit(
                        id,
                        idOf(units, unit.parentKey()),
                        unit.kind(),
                        unit.name(),
                        unit.shortName(),
                        unit.abbreviation(),
                        unit.legacyCode(),
                        unit.code(),
                        unit.validFrom(),
                        unit.validTo(),
                        idOf(units, unit.predecessorKey()));
            }
            units.put(unit.key(), id);
            for (DemoProvince.Division division : unit.divisions()) {
                divisions.computeIfAbsent(divisionKey(id, division.abbreviation()), k -> {
                    UUID divisionId = UUID.randomUUID();
                    batch.addDivision(divisionId, id, division.name(), division.abbreviation());
                    return divisionId;
                });
            }
            if (unit.predecessorKey() != null) {
                DemoProvince.Unit predecessor = DemoProvince.unit(unit.predecessorKey());
                batch.addHistory(
                        id,
                        predecessor.name(),
                        predecessor.legacyCode(),
                        predecessor.code(),
                        predecessor.validFrom(),
                        predecessor.validTo() != null ? predecessor.validTo() : unit.validFrom());
            }
        }

        List<DemoProvince.Account> accounts = DemoProvince.accounts();
        Set<String> taken = takenUsernames(accounts);
        Map<String, UUID> people = new HashMap<>();
        VietnameseNames names = new VietnameseNames();
        String hash = password.hash();
        for (DemoProvince.Account account : accounts) {
            String fullName = names.next();
            if (taken.contains(account.username())) {
                continue;
            }
            UUID personId = people.computeIfAbsent(account.username(), username -> {
                UUID id = UUID.randomUUID();
                batch.addPerson(id, username, fullName, username + MAIL_DOMAIN, hash);
                return id;
            });
            UUID unitId =
                    Objects.requireNonNull(units.get(account.unitKey()), "an account is in one of the demo units");
            UUID divisionId = account.divisionAbbreviation() == null
                    ? null
                    : divisions.get(divisionKey(unitId, account.divisionAbbreviation()));
            batch.addMembership(personId, unitId, divisionId, account.role(), account.title());
        }
        batch.writeWith(batches);

        UUID committee = Objects.requireNonNull(units.get(DemoProvince.COMMITTEE), "the committee is a demo unit");
        events.publishEvent(new DemoDirectorySeeded(committee, units.size(), people.size()));
        log.info(
                "Seeded the demo province: {} units, {} people in {} ms",
                units.size(),
                people.size(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private Optional<UUID> unitIdByCode(String code) {
        return jdbc.sql("select id from unit where legacy_code = ? or code = ? order by created_at limit 1")
                .params(code, code)
                .query(UUID.class)
                .optional();
    }

    private Map<String, UUID> existingDivisions(UUID unitId) {
        Map<String, UUID> found = new HashMap<>();
        jdbc.sql("select id, abbreviation from division where unit_id = ?")
                .param(unitId)
                .query((rs, n) ->
                        found.put(divisionKey(unitId, rs.getString("abbreviation")), rs.getObject("id", UUID.class)))
                .list();
        return found;
    }

    private Set<String> takenUsernames(List<DemoProvince.Account> accounts) {
        String[] usernames =
                accounts.stream().map(DemoProvince.Account::username).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("select username from person where username = any(?)")
                .param(usernames)
                .query(String.class)
                .list());
    }

    private static @Nullable UUID idOf(Map<String, UUID> units, @Nullable String key) {
        return key == null ? null : units.get(key);
    }

    private static String divisionKey(UUID unitId, String abbreviation) {
        return unitId + "/" + abbreviation;
    }
}
