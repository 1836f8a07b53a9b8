package vn.congvan.exchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.client.RestClient;
import vn.congvan.ApiClient;

/**
 * An office installation running in its own process, set up through its API as an operator
 * would: the administrator opens an agency under the province and gives it a clerk.
 */
final class OfficeInstallation {

    static final String PASSWORD = "E2e-mat-khau-2026";

    /** An agency of the installation and its clerk (văn thư), signed in to the API with the token. */
    record Agency(UUID id, String organId, String name, ApiClient clerk, String token) {}

    private final CongVanProcess process;
    private final String provinceCode;

    OfficeInstallation(CongVanProcess process, String provinceCode) {
        this.process = process;
        this.provinceCode = provinceCode;
    }

    CongVanProcess process() {
        return process;
    }

    /** Opens an agency (sở) under the province with its identification code, and a clerk for it. */
    Agency openAgency(String name, String abbreviation, String organId, String clerkUsername) {
        ApiClient admin = signedIn("admin");
        UUID province = provinceId(admin);
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("parentId", province.toString());
        unit.put("kind", "AGENCY");
        unit.put("name", name);
        unit.put("abbreviation", abbreviation);
        unit.put("legacyCode", organId);
        ApiClient.Answer created = admin.postJson("/api/v1/units", unit);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID unitId = UUID.fromString((String) created.get("id"));
        Map<String, Object> clerk = new LinkedHashMap<>();
        clerk.put("username", clerkUsername);
        clerk.put("fullName", "Văn thư " + abbreviation);
        clerk.put("password", PASSWORD);
        clerk.put("unitId", unitId.toString());
        clerk.put("role", "CLERK");
        ApiClient.Answer person = admin.postJson("/api/v1/users", clerk);
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        String token = tokenOf(clerkUsername);
        return new Agency(unitId, organId, name, new ApiClient(process.port(), token), token);
    }

    /** The province's People's Committee, which the installation created on its first start. */
    private UUID provinceId(ApiClient admin) {
        ApiClient.Answer units = admin.get("/api/v1/units?level=PROVINCE");
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        for (Object unit : units.list()) {
            Map<?, ?> u = (Map<?, ?>) unit;
            if (provinceCode.equals(u.get("organId"))) {
                return UUID.fromString((String) u.get("id"));
            }
        }
        throw new AssertionError("no province " + provinceCode + " in " + units.body());
    }

    /** An API client signed in as the user (password {@link #PASSWORD}). */
    ApiClient signedIn(String username) {
        return new ApiClient(process.port(), tokenOf(username));
    }

    /** A bearer token of the user (password {@link #PASSWORD}). */
    String tokenOf(String username) {
        Map<?, ?> answer = RestClient.create(process.url())
                .post()
                .uri("/api/v1/auth/token")
                .body(Map.of("username", username, "password", PASSWORD))
                .retrieve()
                .body(Map.class);
        return (String) answer.get("token");
    }
}
