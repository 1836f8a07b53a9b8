package vn.congvan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.platform.Preparations;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * While the installation prepares itself (the demo's year of documents), it is not ready and takes
 * no change, so that nothing recorded meanwhile is numbered before the demo's older documents.
 */
@CongVanTest
class WhilePreparingTests {

    @LocalServerPort
    int port;

    @Autowired
    Preparations preparations;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void prepared() {
        preparations.finished("demo-documents");
    }

    @Test
    void whileTheDemoIsMadeTheHealthIsOutOfServiceAndARegistrationIsRefusedInTheReadersLanguageAndNotKept()
            throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Ủy ban nhân dân xã Đồng Việt", "UBND", "COMMUNE", "COMMUNE", null);
        String clerkName = province.anOfficial("Văn Thư Đồng Việt", Role.CLERK, unit.id());
        String token = province.tokenFor(clerkName);
        // Answers taken as they come: the default client would wait out each 503's Retry-After.
        ApiClient clerk = ApiClient.answeringAtOnce(port, token);
        ApiClient inEnglish = ApiClient.answeringAtOnce(port, token).inEnglish();

        preparations.started("demo-documents");

        assertThat(province.tokenFor(clerkName)).as("signing in stays open").isNotBlank();

        assertThat(health("/actuator/health/readiness")).startsWith("503").contains("OUT_OF_SERVICE");
        assertThat(health("/actuator/health")).startsWith("503");
        ApiClient.Answer refused = inEnglish.multipart("/api/v1/documents/incoming", letter(unit), pdf(), List.of());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(refused.body()).contains("preparing the demo province");
        assertThat(clerk.multipart("/api/v1/documents/incoming", letter(unit), pdf(), List.of())
                        .body())
                .contains("đang chuẩn bị dữ liệu mẫu");
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(unit.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(clerk.get("/api/v1/documents?unitId=" + unit.id()).status())
                .as("reading stays open")
                .isEqualTo(200);

        assertThat(new vn.congvan.PagesAs(context)
                        .page("/", clerkName)
                        .select("#preparing-banner")
                        .text())
                .as("every page says so")
                .contains("đang chuẩn bị dữ liệu mẫu");

        preparations.finished("demo-documents");

        assertThat(new vn.congvan.PagesAs(context).page("/", clerkName).select("#preparing-banner"))
                .isEmpty();
        assertThat(health("/actuator/health/readiness")).startsWith("200").contains("\"UP\"");
        assertThat(clerk.multipart("/api/v1/documents/incoming", letter(unit), pdf(), List.of())
                        .status())
                .isEqualTo(201);
    }

    private String health(String path) {
        return org.springframework.web.client.RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                .build()
                .get()
                .uri(path)
                .exchange((req, res) -> res.getStatusCode().value() + " "
                        + new String(res.getBody().readAllBytes()));
    }

    private static Map<String, Object> letter(TestProvince.Unit unit) {
        return Map.of(
                "unitId", unit.id().toString(),
                "typeName", "Công văn",
                "codeNumber", "15",
                "codeNotation", "UBND-VP",
                "issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString(),
                "organName", "Ủy ban nhân dân huyện Hiệp Hòa",
                "subject", "Về việc chuẩn bị Tết Nguyên đán");
    }

    private static ApiClient.FilePart pdf() {
        return ApiClient.FilePart.pdf("cv.pdf", SamplePdf.withText("CÔNG VĂN"));
    }
}
