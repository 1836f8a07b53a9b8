package vn.congvan.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.CongVanTest;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.shared.Role;

@CongVanTest
class AuditApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transaction;

    RestClient http;
    TestOfficials officials;

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
        officials = new TestOfficials(jdbc, encoder);
    }

    @Test
    void anAdministratorGetsTheVerificationOfTheWholeChain() {
        String token = tokenOf(officials.aPersonWhoIs(Role.ADMINISTRATOR));

        Answer answer = get("/api/v1/audit/verification", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("intact").asBoolean()).isTrue();
        assertThat(answer.json().has("recordsChecked")).isTrue();
        assertThat(answer.json().has("firstBrokenSeq")).isTrue();
    }

    @Test
    void anAdministratorListsTheNewestRecordsAndTheHistoryOfOneSubject() {
        String token = tokenOf(officials.aPersonWhoIs(Role.ADMINISTRATOR));
        String subject = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> trail.record(new AuditEntry(
                () -> "document.registered",
                "document",
                subject,
                null,
                null,
                "Văn thư",
                Map.of("arrivalNumber", "7"))));

        Answer newest = get("/api/v1/audit/records?limit=1", token);
        Answer history = get("/api/v1/audit/records?subjectType=document&subjectId=" + subject, token);

        assertThat(newest.status()).isEqualTo(200);
        assertThat(newest.json().size()).isEqualTo(1);
        assertThat(history.json().size()).isEqualTo(1);
        JsonNode record = history.json().get(0);
        assertThat(record.get("action").asString()).isEqualTo("document.registered");
        assertThat(record.get("details").get("arrivalNumber").asString()).isEqualTo("7");
        assertThat(record.get("hash").asString()).hasSize(64);
    }

    @Test
    void aPageBeyondTheLimitIsRefusedWithAProblem() {
        String token = tokenOf(officials.aPersonWhoIs(Role.ADMINISTRATOR));

        Answer answer = get("/api/v1/audit/records?limit=100000", token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("audit.records.invalid-page");
    }

    @Test
    void theApiAnswers403ToAnOfficialWhoIsNotAnAdministrator() {
        for (Role role : List.of(Role.CLERK, Role.LEADER, Role.PROVINCIAL_MONITOR)) {
            String token = tokenOf(officials.aPersonWhoIs(role));
            for (String path : List.of("/api/v1/audit/verification", "/api/v1/audit/records")) {
                Answer answer = get(path, token);
                assertThat(answer.status()).as(role + " " + path).isEqualTo(403);
                assertThat(answer.json().get("code").asString()).isEqualTo("error.forbidden");
            }
        }
    }

    @Test
    void theApiAnswers401ToAStranger() {
        assertThat(get("/api/v1/audit/verification", null).status()).isEqualTo(401);
    }

    @Test
    void theOperationsAreDescribedWithTheirStableIds() {
        String apiDocs = http.get().uri("/v3/api-docs").retrieve().body(String.class);

        assertThat(apiDocs).contains("\"operationId\":\"verifyAuditTrail\"", "\"operationId\":\"listAuditRecords\"");
    }

    private String tokenOf(String username) {
        JsonNode token = http.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", TestOfficials.PASSWORD))
                .retrieve()
                .body(JsonNode.class);
        return token.get("token").asString();
    }

    private Answer get(String path, String token) {
        return http.get()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Answer(
                            response.getStatusCode().value(),
                            body.length == 0
                                    ? JsonMapper.shared().missingNode()
                                    : JsonMapper.shared().readTree(body));
                });
    }

    record Answer(int status, JsonNode json) {}
}
