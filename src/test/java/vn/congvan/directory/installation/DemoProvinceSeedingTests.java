package vn.congvan.directory.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.directory.DemoDirectorySeeded;
import vn.congvan.directory.DemoProvince;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.Role;

@CongVanTest
@TestPropertySource(properties = "congvan.demo.enabled=true")
class DemoProvinceSeedingTests {

    static final List<DemoDirectorySeeded> announced = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Announcements {
        @Bean
        Object demoAnnouncementRecorder() {
            return new Object() {
                @EventListener
                void on(DemoDirectorySeeded event) {
                    announced.add(event);
                }
            };
        }
    }

    @Autowired
    Directory directory;

    @Autowired
    Installation installation;

    @Autowired
    DemoProvinceSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theDemoProvinceHasItsCommitteeOfficeAgenciesDistrictsAndCommunes() {
        UnitView committee =
                directory.findUnitByCode(DemoProvince.PROVINCE_CODE).orElseThrow();
        assertThat(committee.kind()).isEqualTo(UnitKind.PROVINCIAL_COMMITTEE);
        assertThat(committee.abbreviation()).isEqualTo("UBND");

        Map<String, UnitView> units = DemoProvince.units().stream()
                .collect(Collectors.toMap(
                        DemoProvince.Unit::key,
                        u -> directory
                                .findUnitByCode(u.legacyCode())
                                .orElseThrow(() -> new AssertionError("missing " + u.name()))));
        assertThat(units.get(DemoProvince.OFFICE).name()).isEqualTo("Văn phòng Ủy ban nhân dân tỉnh Bắc Giang");
        assertThat(units.get(DemoProvince.OFFICE).parentId()).isEqualTo(committee.id());
        assertThat(units.get(DemoProvince.HOME_AFFAIRS).name()).isEqualTo("Sở Nội vụ tỉnh Bắc Giang");
        assertThat(units.get(DemoProvince.XUONG_GIANG).name()).isEqualTo("Ủy ban nhân dân phường Xương Giang");
        assertThat(units.get(DemoProvince.XUONG_GIANG).parentId())
                .isEqualTo(units.get(DemoProvince.CITY).id());
        assertThat(units.get(DemoProvince.CITY).kind()).isEqualTo(UnitKind.CITY);
        assertThat(units.get("nenh").shortName()).isEqualTo("Thị trấn Nếnh");
        assertThat(units.get("caothuong").parentId())
                .isEqualTo(units.get("tanyen").id());

        List<UnitView> agencies =
                units.values().stream().filter(u -> u.kind() == UnitKind.AGENCY).toList();
        List<UnitView> districts = units.values().stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT)
                .toList();
        assertThat(agencies).hasSizeGreaterThanOrEqualTo(15);
        assertThat(districts).hasSizeGreaterThanOrEqualTo(10);
        for (UnitView district : districts) {
            assertThat(directory.children(district.id()))
                    .as(district.name())
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(c -> c.level() == UnitLevel.COMMUNE);
        }
        assertThat(units.values())
                .allSatisfy(u -> assertThat(directory.divisions(u.id())).isNotEmpty());
        assertThat(units.values()).anySatisfy(u -> assertThat(u.code()).hasSizeGreaterThan(13));
    }

    @Test
    void everyUnitOfTheDemoHasAClerkAndALeader() {
        for (DemoProvince.Unit demoUnit : DemoProvince.units()) {
            UnitView unit = directory.findUnitByCode(demoUnit.legacyCode()).orElseThrow();
            List<Role> roles = directory.people(unit.id()).stream()
                    .flatMap(p -> p.positions().stream())
                    .filter(p -> p.unitId().equals(unit.id()))
                    .map(PersonView.Position::role)
                    .toList();
            assertThat(roles)
                    .as(unit.name())
                    .contains(
                            Role.CLERK,
                            Role.LEADER,
                            Role.DEPUTY_LEADER,
                            Role.DIVISION_HEAD,
                            Role.SPECIALIST,
                            Role.IT_OFFICER);
        }
    }

    @Test
    void demoPeopleHaveVietnameseNamesAndPredictableUserNames() {
        PersonView clerk = directory.findPersonByUsername("vanthu.ubnd").orElseThrow();
        assertThat(clerk.fullName())
                .matches("\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}*){2,}")
                .hasSizeLessThanOrEqualTo(50);
        assertThat(clerk.positions())
                .extracting(PersonView.Position::role, PersonView.Position::title)
                .containsExactly(tuple(Role.CLERK, "Văn thư"));
        assertThat(directory.findPersonByUsername("chutich.ubnd")).isPresent();
        assertThat(directory.findPersonByUsername("giamdoc.stnmt")).isPresent();
        assertThat(directory.findPersonByUsername("vanthu.snv")).isPresent();
        assertThat(directory.findPersonByUsername("vanthu.xuonggiang")).isPresent();
        assertThat(directory.findPersonByUsername("truongphong.vx.ubnd")).isPresent();
        assertThat(directory
                        .findPersonByUsername(DemoProvince.PROVINCIAL_MONITOR)
                        .orElseThrow()
                        .positions())
                .extracting(PersonView.Position::role)
                .containsExactly(Role.PROVINCIAL_MONITOR);
        assertThat(DemoProvince.accounts())
                .extracting(DemoProvince.Account::username)
                .doesNotHaveDuplicates()
                .allMatch(u -> u.matches("[a-z0-9]+(\\.[a-z0-9]+)+"));
    }

    @Test
    void theDepartmentOfTransportWasMergedIntoTheDepartmentOfConstruction() {
        UnitView transport = directory.findUnitByCode("000.00.23.H10").orElseThrow();
        UnitView construction = directory.findUnitByCode("000.00.14.H10").orElseThrow();
        assertThat(transport.validTo()).hasYear(2025);
        assertThat(construction.predecessorId()).isEqualTo(transport.id());
        assertThat(directory.successors(transport.id()))
                .extracting(UnitView::id)
                .containsExactly(construction.id());
        assertThat(directory.history(construction.id())).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo(transport.name());
            assertThat(h.legacyCode()).isEqualTo("000.00.23.H10");
            assertThat(h.validTo()).isEqualTo(transport.validTo());
        });
    }

    @Test
    void seedingAgainChangesNothing() {
        long units = count("unit");
        long people = count("person");
        long memberships = count("membership");

        installation.install();
        assertThat(seeder.seedIfAbsent()).isFalse();

        assertThat(count("unit")).isEqualTo(units);
        assertThat(count("person")).isEqualTo(people);
        assertThat(count("membership")).isEqualTo(memberships);
        assertThat(jdbc.sql("select count(*) from unit where legacy_code = ?")
                        .param(DemoProvince.PROVINCE_CODE)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theAdministratorAndTheDemoAccountsSignInWithTheDemoPassword() {
        RestClient http =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        for (String username : List.of(
                DemoProvince.ADMINISTRATOR,
                "vanthu.ubnd",
                "chutich.tpbacgiang",
                "vanthu.xuonggiang",
                DemoProvince.PROVINCIAL_MONITOR)) {
            Map<String, Object> token = http.post()
                    .uri("/api/v1/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "password", TestDatabaseInitializer.DEMO_PASSWORD))
                    .retrieve()
                    .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});
            assertThat(token).as(username).containsKey("token");
        }
        assertThat(directory
                        .findPersonByUsername(DemoProvince.ADMINISTRATOR)
                        .orElseThrow()
                        .positions())
                .extracting(PersonView.Position::role)
                .contains(Role.ADMINISTRATOR);
    }

    @Test
    void theSeededDemoIsAnnouncedToOtherModules() {
        assumeThat(announced).as("the demo was seeded by this test run").isNotEmpty();
        UUID committee = directory
                .findUnitByCode(DemoProvince.PROVINCE_CODE)
                .orElseThrow()
                .id();
        assertThat(announced).singleElement().satisfies(event -> {
            assertThat(event.provincialCommitteeId()).isEqualTo(committee);
            assertThat(event.units()).isEqualTo(DemoProvince.units().size());
            assertThat(event.people()).isEqualTo(DemoProvince.accounts().size());
        });
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
