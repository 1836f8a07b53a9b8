package vn.congvan.storage.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * The province's quotas: the administrator sets a unit's quota, an upload that would take the unit
 * past it is refused before anything is stored, and an upload counts against the unit its metadata
 * names only when its owner belongs to it.
 */
@CongVanTest
class UnitQuotasTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestProvince province;
    TestProvince.Unit department;
    String clerkToken;
    ApiClient administrator;

    @BeforeEach
    void aUnitWithAClerkAndTheAdministrator() {
        province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Xây dựng " + UUID.randomUUID(), "SXD");
        clerkToken = province.tokenFor(province.anOfficial("Hoàng Thị Hạn", Role.CLERK, department.id()));
        String admin = province.anOfficial("Quản Trị Viên", Role.ADMINISTRATOR, department.id());
        administrator = new ApiClient(port, province.tokenFor(admin));
    }

    @Test
    void anUploadPastItsUnitsQuotaIsRefusedWith413BeforeAnythingIsStored() throws Exception {
        ApiClient.Answer set = administrator.putJson(quota(department.id()), Map.of("quotaBytes", 1000));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        assertThat(create(clerkToken, 600, null).statusCode()).isEqualTo(201);
        long before = uploadsOf(department.id());
        HttpResponse<String> refused = create(clerkToken, 401, null);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("storage.upload.quota").contains("GB");
        assertThat(uploadsOf(department.id())).isEqualTo(before);
        assertThat(create(clerkToken, 400, department.id()).statusCode()).isEqualTo(201);

        ApiClient.Answer listed = administrator.get("/api/v1/storage/quotas");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list()).anySatisfy(quota -> {
            Map<?, ?> unit = (Map<?, ?>) quota;
            assertThat(unit.get("unitId")).isEqualTo(department.id().toString());
            assertThat(unit.get("quotaBytes")).isEqualTo(1000);
            assertThat(unit.get("usedBytes")).isEqualTo(1000);
        });
    }

    @Test
    void theRefusalSaysInTheReadersLanguageHowMuchIsUsedOfTheQuota() throws Exception {
        administrator.putJson(quota(department.id()), Map.of("quotaBytes", 2_500_000_000L));
        assertThat(create(clerkToken, 2_000_000_000L, null).statusCode()).isEqualTo(201);

        HttpResponse<String> vietnamese = create(clerkToken, 1_000_000_000L, null);
        assertThat(vietnamese.statusCode()).isEqualTo(413);
        assertThat(vietnamese.body()).contains("Đơn vị đã dùng 2 GB trên hạn mức 2,5 GB");
    }

    @Test
    void onlyTheAdministratorSetsQuotasAndEachChangeIsInTheAuditTrail() {
        ApiClient clerk = new ApiClient(port, clerkToken);
        assertThat(clerk.putJson(quota(department.id()), Map.of("quotaBytes", 1000))
                        .status())
                .isEqualTo(403);
        assertThat(clerk.get("/api/v1/storage/quotas").status()).isEqualTo(403);
        assertThat(administrator
                        .putJson(quota(department.id()), Map.of("quotaBytes", 0))
                        .status())
                .isEqualTo(400);

        assertThat(administrator
                        .putJson(quota(department.id()), Map.of("quotaBytes", 5000))
                        .status())
                .isEqualTo(200);
        assertThat(administrator.delete(quota(department.id())).status()).isEqualTo(204);
        assertThat(administrator.delete(quota(department.id())).status()).isEqualTo(404);

        List<String> actions = jdbc.sql(
                        "select action from audit_record where subject_type = 'unit' and subject_id = ? order by seq")
                .param(department.id().toString())
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("storage.quota.set", "storage.quota.removed");
    }

    @Test
    void anUploadForAUnitItsOwnerDoesNotBelongToIsRefused() throws Exception {
        TestProvince.Unit other = province.aUnit("Sở Tài chính " + UUID.randomUUID(), "STC");
        long before = uploadsOf(other.id());

        HttpResponse<String> refused = create(clerkToken, 100, other.id());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("storage.upload.unit");
        assertThat(uploadsOf(other.id())).isEqualTo(before);
    }

    private static String quota(UUID unitId) {
        return "/api/v1/storage/quotas/" + unitId;
    }

    private long uploadsOf(UUID unitId) {
        return jdbc.sql("select count(*) from file_upload where unit_id = ?")
                .param(unitId)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> create(String token, long length, @Nullable UUID unitId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/uploads"))
                .header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length))
                .header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (unitId != null) {
            request.header(
                    "Upload-Metadata",
                    "unitid "
                            + Base64.getEncoder()
                                    .encodeToString(unitId.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
