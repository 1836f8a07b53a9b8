package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** What a client sends that must be refused clearly, not answered with 500 or with another request's document. */
@CongVanTest
class SubmissionGuardTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final JsonMapper json = JsonMapper.builder().build();

    TestProvince.Unit department;
    ApiClient clerk;
    String token;

    @BeforeEach
    void aDepartmentWithAClerk() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Lao động", "SLĐ");
        token = province.tokenFor(province.anOfficial("Trịnh Thị Thư", Role.CLERK, department.id()));
        clerk = new ApiClient(port, token);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        var first = clerk.multipart("/api/v1/documents/incoming", aLetter("70"), aPdf(), List.of(), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        var another = clerk.inEnglish().multipart("/api/v1/documents/incoming", aLetter("71"), aPdf(), List.of(), key);

        assertThat(another.status()).as(another.body()).isEqualTo(409);
        assertThat(another.header("Content-Type")).startsWith("application/problem+json");
        assertThat(another.get("code")).isEqualTo("registry.idempotency-key.reused");
        assertThat((String) another.get("detail")).contains("Idempotency-Key").contains(key);
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithTheSameBodyStillAnswersTheFirstDocument() {
        String key = UUID.randomUUID().toString();
        FilePart pdf = aPdf();
        var first = clerk.multipart("/api/v1/documents/incoming", aLetter("72"), pdf, List.of(), key);
        var again = clerk.multipart("/api/v1/documents/incoming", aLetter("72"), pdf, List.of(), key);

        assertThat(again.status()).as(again.body()).isIn(200, 201);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherFileIsAConflict() {
        String key = UUID.randomUUID().toString();
        FilePart pdf = aPdf();
        clerk.multipart("/api/v1/documents/incoming", aLetter("73"), pdf, List.of(), key);

        var another = clerk.multipart(
                "/api/v1/documents/incoming",
                aLetter("73"),
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN KHÁC")),
                List.of(),
                key);
        var same = clerk.multipart("/api/v1/documents/incoming", aLetter("73"), pdf, List.of(), key);

        assertThat(another.status()).isEqualTo(409);
        assertThat(same.status()).as("the first request sent again").isIn(200, 201);
    }

    @Test
    void aNulInAnUploadedFileNameIsRefusedClearly() throws Exception {
        // Sent by hand: an HTTP client library cleans the name before it leaves.
        HttpResponse<String> refused = rawUpload("filename*=UTF-8''cong%00van.pdf", "en");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("file name");
        assertThat(documents()).isZero();
    }

    @Test
    void aControlCharacterInAnUploadedFileNameIsRefusedClearly() throws Exception {
        HttpResponse<String> encoded = rawUpload("filename*=UTF-8''cong%07van.pdf", "vi");
        HttpResponse<String> raw = rawUpload("filename=\"cong\u0000van.pdf\"", "vi");

        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(400);
        assertThat(raw.statusCode()).as(raw.body()).isBetween(400, 499);
        assertThat(documents()).isZero();
    }

    private HttpResponse<String> rawUpload(String fileNameParameter, String language) throws Exception {
        String boundary = "cv" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                        + "Content-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(json.writeValueAsBytes(aLetter("74")));
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + fileNameParameter
                        + "\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(SamplePdf.withText("CÔNG VĂN"));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents/incoming"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept-Language", language)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNulInTheMetadataIsRefusedClearly() {
        Map<String, Object> letter = aLetter("76");
        letter.put("subject", "Về việc\u0000 tuyển dụng");

        var refused = clerk.multipart("/api/v1/documents/incoming", letter, aPdf(), List.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(documents()).isZero();
    }

    private long documents() {
        return jdbc.sql("select count(*) from document where unit_id = ?")
                .param(department.id())
                .query(Long.class)
                .single();
    }

    private static FilePart aPdf() {
        return FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN"));
    }

    private Map<String, Object> aLetter(String number) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", department.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", number);
        m.put("codeNotation", "UBND-VP");
        m.put("issuedDate", LocalDate.now().minusDays(1).toString());
        m.put("organId", "000.00.00.H10");
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", "Về việc tuyển dụng viên chức");
        m.put("priority", 1);
        return m;
    }
}
