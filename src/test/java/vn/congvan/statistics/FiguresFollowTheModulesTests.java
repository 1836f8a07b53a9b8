package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.Rate;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.UnitFigures;

/** The figures follow the registry and handling modules themselves: an arrival registered, assigned and handled. */
@CongVanTest
class FiguresFollowTheModulesTests {

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

    @Autowired
    Statistics statistics;

    @Test
    void anArrivalRegisteredAndHandledOnTimeThroughTheApiIsCountedAsSuch() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        UUID unit = province.aUnit("Sở Công Thương Thử", "SCT").id();
        String clerkName = province.anOfficial("Văn Thư", Role.CLERK, unit);
        ApiClient clerk = api(province, clerkName);
        ApiClient director = api(province, province.anOfficial("Giám Đốc", Role.LEADER, unit));
        String specialistName = province.anOfficial("Chuyên Viên", Role.SPECIALIST, unit);
        ApiClient specialist = api(province, specialistName);
        ProvinceRecords waiting = new ProvinceRecords(jdbc, events, transaction, province.personId(clerkName));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", unit.toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", "215");
        m.put("codeNotation", "UBND-KT");
        m.put("issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân tỉnh");
        m.put("subject", "Về việc báo cáo chỉ số chuyển đổi số");
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", "chuyển đổi số")),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = (String) registered.get("id");
        Period thisMonth = Period.month(YearMonth.now(VietnamTime.ZONE));
        waiting.awaitFigures();
        assertThat(statistics.figures(unit, thisMonth).rate(Metric.INCOMING_HANDLED))
                .isEqualTo(new Rate(0, 1));

        var assigned = director.postJson(
                "/api/v1/documents/" + id + "/handling/assignment",
                Map.of("leadId", province.personId(specialistName)));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        var done =
                specialist.postJson("/api/v1/documents/" + id + "/handling/completion", Map.of("note", "Đã báo cáo"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        waiting.awaitFigures();

        UnitFigures figures = statistics.figures(unit, thisMonth);
        assertThat(figures.rate(Metric.INCOMING_ELECTRONIC)).isEqualTo(new Rate(1, 1));
        assertThat(figures.rate(Metric.INCOMING_HANDLED)).isEqualTo(new Rate(1, 1));
        assertThat(figures.rate(Metric.INCOMING_ON_TIME)).isEqualTo(new Rate(1, 1));
        assertThat(figures.rate(Metric.INCOMING_VALID_SIGNATURE)).isEqualTo(new Rate(0, 1));
        assertThat(statistics
                        .documentsBehind(unit, Metric.INCOMING_HANDLED, thisMonth, 0)
                        .entries())
                .singleElement()
                .satisfies(e -> assertThat(e.id()).hasToString(id));
    }

    private ApiClient api(TestProvince province, String username) {
        return new ApiClient(port, province.tokenFor(username));
    }
}
