package vn.congvan.directory.installation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.directory.DemoProvince;
import vn.congvan.directory.UnitKind;
import vn.congvan.shared.Role;

/**
 * The administrator of a new installation: {@code admin}, placed in the province's People's
 * Committee, which is created from the province settings when the directory has no root yet.
 */
@Component
class AdministratorAccount {

    static final String FULL_NAME = "Quản trị hệ thống";
    private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);
    private static final Pattern LEGACY_CODE = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final InitialPassword password;
    private final ProvinceSettings province;
    private final Clock clock;

    AdministratorAccount(
            JdbcClient jdbc, JdbcTemplate batches, InitialPassword password, ProvinceSettings province, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.password = password;
        this.province = province;
        this.clock = clock;
    }

    /** Creates the administrator unless a person named {@code admin} exists; runs inside the caller's transaction. */
    boolean createIfAbsent(boolean demo) {
        boolean exists = jdbc.sql("select count(*) from person where username = ?")
                        .param(DemoProvince.ADMINISTRATOR)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return false;
        }
        DirectoryBatch batch = new DirectoryBatch();
        UUID unitId = provincialCommittee(demo).orElseGet(() -> provinceRoot(batch));
        UUID personId = UUID.randomUUID();
        batch.addPerson(personId, DemoProvince.ADMINISTRATOR, FULL_NAME, null, password.hash());
        batch.addMembership(personId, unitId, null, Role.ADMINISTRATOR, FULL_NAME);
        batch.writeWith(batches);
        log.info("Created the administrator account '{}'", DemoProvince.ADMINISTRATOR);
        return true;
    }

    private Optional<UUID> provincialCommittee(boolean demo) {
        Optional<UUID> configured = demo ? unitIdByCode(DemoProvince.PROVINCE_CODE) : Optional.empty();
        if (configured.isEmpty()) {
            configured = unitIdByCode(province.code());
        }
        if (configured.isPresent()) {
            return configured;
        }
        return jdbc.sql("select id from unit where parent_id is null and kind = ? order by created_at limit 1")
                .param(UnitKind.PROVINCIAL_COMMITTEE.name())
                .query(UUID.class)
                .optional();
    }

    private UUID provinceRoot(DirectoryBatch batch) {
        UUID id = UUID.randomUUID();
        String code = province.code().trim();
        boolean legacy = LEGACY_CODE.matcher(code).matches();
        String name = province.name().trim();
        batch.addUnit(
                id,
                null,
                UnitKind.PROVINCIAL_COMMITTEE,
                name,
                name.length() > 100 ? name.substring(0, 100) : name,
                province.abbreviation().trim(),
                legacy ? code : null,
                legacy ? null : code,
                LocalDate.now(clock),
                null,
                null);
        log.info("Created the province root unit '{}' ({})", name, code);
        return id;
    }

    private Optional<UUID> unitIdByCode(String code) {
        return jdbc.sql("select id from unit where legacy_code = ? or code = ? order by created_at limit 1")
                .params(code, code)
                .query(UUID.class)
                .optional();
    }
}
