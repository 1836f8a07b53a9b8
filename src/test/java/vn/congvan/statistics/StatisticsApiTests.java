package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** The statistics API answers within the caller's scope and refuses the rest, and bad periods, with problems. */
@CongVanTest
class StatisticsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    TestProvince province;
    UUID root;
    UUID agency;
    UUID district;
    UUID commune;
    UUID otherDistrict;
    UUID otherCommune;
    String period = YearMonth.now().minusMonths(1).toString();

    @BeforeEach
    void aProvinceWithTwoDistricts() {
        province = new TestProvince(jdbc, encoder, port);
        root = province.aUnit("UBND tỉnh Phạm Vi", "UBND", "PROVINCIAL_COMMITTEE", "PROVINCE", null)
                .id();
        agency = province.aUnit("Sở Y tế", "SYT", "AGENCY", "PROVINCE", root).id();
        district = province.aUnit("UBND huyện Đông", "UBND", "DISTRICT", "DISTRICT", root)
                .id();
        commune = province.aUnit("UBND xã Đông Một", "UBND", "COMMUNE", "COMMUNE", district)
                .id();
        otherDistrict = province.aUnit("UBND huyện Tây", "UBND", "DISTRICT", "DISTRICT", root)
                .id();
        otherCommune = province.aUnit("UBND xã Tây Một", "UBND", "COMMUNE", "COMMUNE", otherDistrict)
                .id();
    }

    @Test
    void theProvincialMonitorSeesTheRankingOfEveryUnitAndTheDocumentsBehindAFigure() {
        ProvinceRecords records = new ProvinceRecords(
                jdbc, events, transaction, province.personId(province.anOfficial("Văn Thư", Role.CLERK, agency)));
        UUID signed = records.anOutgoing(agency, YearMonth.now().minusMonths(1).atDay(3))
                .signedWith(ProvinceRecords.Seal.PERSONAL, ProvinceRecords.Seal.ORGANIZATION)
                .register();
        records.awaitFigures();
        ApiClient monitor = api(Role.PROVINCIAL_MONITOR, root);

        var ranking = monitor.get("/api/v1/statistics/ranking?group=AGENCIES&period=" + period + "&within=" + root);
        assertThat(ranking.status()).as(ranking.body()).isEqualTo(200);
        List<?> units = (List<?>) ranking.get("units");
        assertThat(units).hasSize(2);
        assertThat(((Map<?, ?>) units.get(0)).get("unitId")).isEqualTo(agency.toString());
        assertThat(((Map<?, ?>) units.get(0)).get("colour")).isEqualTo("GREEN");

        var figures = monitor.get("/api/v1/statistics/units/" + agency + "?period=" + period);
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        assertThat(figures.body()).contains("\"metric\":\"OUTGOING_FULLY_SIGNED\",\"count\":1,\"base\":1");

        var behind = monitor.get(
                "/api/v1/statistics/units/" + agency + "/figures/OUTGOING_FULLY_SIGNED/documents?period=" + period);
        assertThat(behind.status()).as(behind.body()).isEqualTo(200);
        assertThat(behind.get("total")).isEqualTo(1);
        assertThat(behind.body()).contains(signed.toString());
    }

    @Test
    void aDistrictLeaderSeesTheDistrictAndItsCommunesButNotAnotherDistrict() {
        ApiClient leader = api(Role.LEADER, district);

        assertThat(leader.get("/api/v1/statistics/units/" + commune + "?period=" + period)
                        .status())
                .isEqualTo(200);
        assertThat(leader.get("/api/v1/statistics/ranking?group=COMMUNES&within=" + district)
                        .status())
                .isEqualTo(200);
        var outside = leader.inEnglish().get("/api/v1/statistics/units/" + otherCommune + "?period=" + period);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body()).contains("statistics.unit.outside-scope").contains("outside what you may see");
        assertThat(leader.get("/api/v1/statistics/ranking?group=COMMUNES&within=" + otherDistrict)
                        .status())
                .isEqualTo(403);
        assertThat(leader.get("/api/v1/statistics/ranking?group=AGENCIES").status())
                .isEqualTo(403);
    }

    @Test
    void aCommuneOfficialSeesOnlyTheCommune() {
        ApiClient specialist = api(Role.SPECIALIST, commune);

        assertThat(specialist.get("/api/v1/statistics/units/" + commune).status())
                .isEqualTo(200);
        assertThat(specialist.get("/api/v1/statistics/units/" + district).status())
                .isEqualTo(403);
        assertThat(specialist
                        .get("/api/v1/statistics/units/" + commune + "/figures/INCOMING_HANDLED/documents")
                        .status())
                .isEqualTo(200);
        assertThat(specialist
                        .get("/api/v1/statistics/units/" + agency + "/figures/INCOMING_HANDLED/documents")
                        .status())
                .isEqualTo(403);
        assertThat(specialist
                        .postJson("/api/v1/statistics/recomputation", Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badPeriodsAndUnknownFiguresAreRefusedWithALocalizedProblem() {
        ApiClient monitor = api(Role.PROVINCIAL_MONITOR, root).inEnglish();

        var reversed = monitor.get("/api/v1/statistics/units/" + agency + "?period=2026-03-10..2026-03-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("statistics.period.reversed").contains("before it starts");
        var future = monitor.get("/api/v1/statistics/units/" + agency + "?period="
                + YearMonth.now().plusMonths(2));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("statistics.period.future");
        var tooLong = monitor.get("/api/v1/statistics/ranking?period=2000-01-01..2026-01-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("statistics.period.too-long");
        var unreadable = monitor.get("/api/v1/statistics/ranking?period=last-month");
        assertThat(unreadable.body()).contains("statistics.period.unreadable");
        var unknown = monitor.get("/api/v1/statistics/units/" + agency + "/figures/LIKES/documents");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("statistics.metric.unknown");
        var count = monitor.get("/api/v1/statistics/ranking?metric=OUTGOING_ISSUED");
        assertThat(count.body()).contains("statistics.metric.not-a-rate");
    }

    @Test
    void theProvincesItOfficerRecountsEveryFigureAndTheRecountIsAudited() {
        ApiClient itOfficer = api(Role.IT_OFFICER, root);

        var recount = itOfficer.postJson("/api/v1/statistics/recomputation", Map.of());

        assertThat(recount.status()).as(recount.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'statistics.recomputed'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private ApiClient api(Role role, UUID unitId) {
        return new ApiClient(port, province.tokenFor(province.anOfficial("Cán bộ " + role, role, unitId)));
    }
}
