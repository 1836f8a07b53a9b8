package vn.congvan.directory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.platform.CongVanProperties;

/**
 * Creates a synthetic province for volume tests: one People's Committee, agencies, districts and
 * communes in realistic proportions, and people holding roles in them, with set-based SQL so that
 * thousands of units and tens of thousands of people take seconds. Every generated account has the
 * demo password when one is configured, else a random one nobody knows.
 */
@Service
public class DirectoryGenerator {

    private static final String PLACES = "array['An','Bình','Tân','Phú','Hòa','Đông','Tây','Nam','Bắc','Thịnh',"
            + "'Hưng','Yên','Quang','Minh','Đức','Thanh','Hợp','Tiến','Lạc','Sơn']";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final CongVanProperties properties;
    private final Clock clock;

    DirectoryGenerator(JdbcClient jdbc, PasswordEncoder encoder, CongVanProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Generates {@code units} units and {@code people} people; every unit gets at least one clerk
     * (a person may be clerk of several units when there are fewer people than units), then a
     * leader, a deputy and an IT officer as far as people last, the rest being specialists.
     *
     * @return the ids of the new units, the People's Committee first
     */
    @Transactional
    public List<UUID> generate(int units, int people) {
        if (units < 1 || people < 1) {
            throw new IllegalArgumentException("At least one unit and one person, not " + units + "/" + people);
        }
        Shape shape = Shape.of(units);
        String run = HexFormat.of().formatHex(randomBytes(4)).toUpperCase();
        String codePrefix = "SIM" + run + ".";
        String userPrefix = "sim" + run.toLowerCase() + ".";
        int unitDigits = Math.max(5, String.valueOf(units).length());
        int personDigits = Math.max(6, String.valueOf(people).length());
        // Valid for years already: the documents generated for them go back months, and the
        // statistics list a unit only in periods when it existed.
        LocalDate validFrom = LocalDate.now(clock).minusYears(5).withDayOfYear(1);

        jdbc.sql("""
                insert into unit (id, kind, level, name, short_name, abbreviation, code, valid_from)
                values (gen_random_uuid(), 'PROVINCIAL_COMMITTEE', 'PROVINCE', :name, :shortName, 'UBND', :code, :validFrom)
                """)
                .param("name", "Ủy ban nhân dân tỉnh Mô phỏng " + run)
                .param("shortName", "UBND tỉnh Mô phỏng " + run)
                .param("code", codePrefix + "0".repeat(unitDigits - 1) + "1")
                .param("validFrom", validFrom)
                .update();
        // Units are numbered 1..N in their codes: the committee, agencies, districts, then communes.
        jdbc.sql(withPlaces("""
                insert into unit (id, parent_id, kind, level, name, short_name, abbreviation, code, valid_from)
                select gen_random_uuid(), committee.id,
                       case when agency then 'AGENCY' else 'DISTRICT' end,
                       case when agency then 'PROVINCE' else 'DISTRICT' end,
                       case when agency then 'Sở Mô phỏng số ' || (n - 1) else 'Ủy ban nhân dân huyện ' || place end,
                       case when agency then 'Sở Mô phỏng số ' || (n - 1) else 'Huyện ' || place end,
                       case when agency then 'S' else 'H' end || n,
                       :prefix || lpad(n::text, :digits, '0'),
                       :validFrom
                from generate_series(2, 1 + :agencies + :districts) n
                cross join lateral (select n <= 1 + :agencies as agency,
                        (PLACES)[1 + n % 20] || ' ' || (n - 1 - :agencies) as place) d
                join unit committee on committee.code = :prefix || lpad('1', :digits, '0')
                """))
                .param("agencies", shape.agencies())
                .param("districts", shape.districts())
                .param("prefix", codePrefix)
                .param("digits", unitDigits)
                .param("validFrom", validFrom)
                .update();
        jdbc.sql(withPlaces("""
                insert into unit (id, parent_id, kind, level, name, short_name, abbreviation, code, valid_from)
                select gen_random_uuid(), district.id, c.kind, 'COMMUNE',
                       'Ủy ban nhân dân ' || lower(label) || ' ' || place,
                       label || ' ' || place,
                       'X' || n,
                       :prefix || lpad(n::text, :digits, '0'),
                       :validFrom
                from generate_series(2 + :agencies + :districts, :units) n
                cross join lateral (select
                        case when n % 10 = 0 then 'WARD' when n % 10 = 5 then 'TOWNSHIP' else 'COMMUNE' end as kind,
                        case when n % 10 = 0 then 'Phường' when n % 10 = 5 then 'Thị trấn' else 'Xã' end as label,
                        (PLACES)[1 + n % 20] || ' ' || (PLACES)[1 + (n / 20) % 20] || ' '
                            || (n - 1 - :agencies - :districts) as place,
                        2 + :agencies + (n - 2 - :agencies - :districts) % :districts as district_number) c
                join unit district on district.code = :prefix || lpad(c.district_number::text, :digits, '0')
                """))
                .param("agencies", shape.agencies())
                .param("districts", Math.max(1, shape.districts()))
                .param("units", units)
                .param("prefix", codePrefix)
                .param("digits", unitDigits)
                .param("validFrom", validFrom)
                .update();
        jdbc.sql("""
                insert into division (id, unit_id, name, abbreviation)
                select gen_random_uuid(), id, case when level = 'COMMUNE' then 'Văn phòng - Thống kê' else 'Văn phòng' end,
                       case when level = 'COMMUNE' then 'VPTK' else 'VP' end
                from unit where code like :prefix || '%'
                """).param("prefix", codePrefix).update();

        jdbc.sql("""
                insert into person (id, username, full_name, password_hash)
                select gen_random_uuid(), :userPrefix || lpad(g::text, :digits, '0'),
                       (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đỗ','Bùi','Ngô','Đặng','Dương','Phan','Hà','Lý',
                              'Thân','Giáp'])[1 + g % 16] || ' ' ||
                       case when g % 2 = 0
                            then (array['Thị','Thu','Ngọc','Thanh','Minh','Hồng','Phương','Kim'])[1 + (g / 16) % 8]
                                 || ' ' || (array['Lan','Hương','Mai','Hà','Thảo','Linh','Hằng','Trang','Nga','Huyền',
                                                   'Yến','Loan','Dung','Hoa','Thủy','Vân','Nhung','Oanh','Quyên','Hạnh'])
                                           [1 + (g / 128) % 20]
                            else (array['Văn','Đức','Minh','Quang','Hữu','Xuân','Thanh','Công'])[1 + (g / 16) % 8]
                                 || ' ' || (array['Hùng','Dũng','Tuấn','Nam','Long','Hải','Sơn','Thắng','Cường','Hưng',
                                                   'Trung','Hiếu','Đạt','Phong','Khánh','Quân','Bình','Toàn','Huy','Việt'])
                                           [1 + (g / 128) % 20]
                       end,
                       :hash
                from generate_series(1, :people) g
                """)
                .param("userPrefix", userPrefix)
                .param("digits", personDigits)
                .param("people", people)
                .param("hash", encoder.encode(password()))
                .update();
        // Person g holds a role in unit ((g - 1) mod N) + 1: the first N people are the clerks, the
        // next N the leaders, then deputies and IT officers; everyone after is a specialist.
        jdbc.sql("""
                insert into membership (id, person_id, unit_id, role, position_title)
                select gen_random_uuid(), p.id, u.id, r.role, r.title
                from generate_series(1, :people) g
                join person p on p.username = :userPrefix || lpad(g::text, :personDigits, '0')
                join unit u on u.code = :prefix || lpad((((g - 1) % :units) + 1)::text, :unitDigits, '0')
                cross join lateral (select
                        case (g - 1) / :units when 0 then 'CLERK' when 1 then 'LEADER' when 2 then 'DEPUTY_LEADER'
                             when 3 then 'IT_OFFICER' else 'SPECIALIST' end as role,
                        case (g - 1) / :units when 0 then 'Văn thư'
                             when 1 then case when u.kind = 'AGENCY' then 'Giám đốc' else 'Chủ tịch' end
                             when 2 then case when u.kind = 'AGENCY' then 'Phó Giám đốc' else 'Phó Chủ tịch' end
                             when 3 then 'Chuyên viên công nghệ thông tin' else 'Chuyên viên' end as title) r
                union all
                select gen_random_uuid(), p.id, u.id, 'CLERK', 'Văn thư'
                from generate_series(:people + 1, :units) n
                join person p on p.username = :userPrefix || lpad((((n - 1) % :people) + 1)::text, :personDigits, '0')
                join unit u on u.code = :prefix || lpad(n::text, :unitDigits, '0')
                """)
                .param("people", people)
                .param("units", units)
                .param("userPrefix", userPrefix)
                .param("personDigits", personDigits)
                .param("prefix", codePrefix)
                .param("unitDigits", unitDigits)
                .update();

        return jdbc.sql("select id from unit where code like :prefix || '%' order by code")
                .param("prefix", codePrefix)
                .query(UUID.class)
                .list();
    }

    private static String withPlaces(String sql) {
        return sql.replace("PLACES", PLACES);
    }

    private String password() {
        String configured = properties.demo().password();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Base64.getEncoder().encodeToString(randomBytes(24));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** How many units of each kind a province of a given size has, roughly as in a real one. */
    private record Shape(int agencies, int districts) {
        static Shape of(int units) {
            int below = units - 1;
            int agencies = Math.round(below * 0.12f);
            int districts = Math.round(below * 0.05f);
            if (districts == 0 && below - agencies > 0) {
                districts = 1;
            }
            return new Shape(agencies, districts);
        }
    }
}
