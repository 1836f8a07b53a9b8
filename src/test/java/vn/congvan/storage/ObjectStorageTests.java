package vn.congvan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.congvan.AcrossProcesses;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanApplication;
import vn.congvan.CongVanTest;
import vn.congvan.S3Proxy;
import vn.congvan.SamplePdf;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * CongVan keeping its files in an S3 bucket (S3Proxy, a server of its own): a file uploaded in
 * pieces becomes an object sent in parts, is registered by its upload's id and comes back whole or
 * in ranges, and nothing of it stays on the node's disk; an upload begun on one node is finished on
 * a second node of the same database and bucket.
 */
@CongVanTest
@AcrossProcesses
class ObjectStorageTests {

    static final S3Proxy SERVER = S3Proxy.start();
    static final String BUCKET = "congvan-files";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void filesInTheBucket(DynamicPropertyRegistry registry) {
        SERVER.settings(BUCKET).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("congvan.storage.s3.multipart-threshold", () -> "5MB");
        registry.add("congvan.storage.s3.part-size", () -> "5MB");
    }

    @AfterAll
    static void stopTheServer() {
        SERVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    vn.congvan.platform.CongVanProperties properties;

    @Test
    void aFileUploadedInPiecesIsKeptInTheBucketRegisteredByIdAndReadInRanges() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit department = province.aUnit("Sở Xây dựng " + UUID.randomUUID(), "SXD");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Đinh Thị Lưu", Role.CLERK, department.id())));
        byte[] plan = new byte[11 * 1024 * 1024 + 5];
        new Random().nextBytes(plan);
        UUID upload = clerk.uploaded(new FilePart("Hồ sơ thiết kế cơ sở.zip", plan, "application/zip"));

        var registered = arrivalWith(clerk, department, upload, "88");

        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plan));
        assertThat(SERVER.sizeOf(BUCKET, "blobs/" + sha256)).isEqualTo(plan.length);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) registered.get("files")).get(1);
        String path = "/api/v1/documents/" + registered.get("id") + "/files/" + file.get("id");
        var range = clerk.get(path, Map.of("Range", "bytes=10485760-10485859"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.bytes()).isEqualTo(Arrays.copyOfRange(plan, 10_485_760, 10_485_860));
        assertThat(clerk.get(path).bytes()).isEqualTo(plan);
        try (var onDisk = java.nio.file.Files.walk(properties.dataDir())) {
            assertThat(onDisk.map(p -> p.getFileName().toString())).doesNotContain(sha256);
        }
    }

    @Test
    void anUploadBegunOnOneNodeIsFinishedOnASecondNodeAndReadOnTheFirst() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit department = province.aUnit("Sở Tài nguyên và Môi trường " + UUID.randomUUID(), "STNMT");
        String clerk = province.anOfficial("Lò Văn Tải", Role.CLERK, department.id());
        byte[] plan = new byte[12 * 1024 * 1024 + 3];
        new Random().nextBytes(plan);
        int cut = 7 * 1024 * 1024 + 1;
        // The first node holds the first bytes, then the line drops and the first node is gone.
        UUID upload = new ApiClient(port, province.tokenFor(clerk))
                .uploaded(new FilePart("Bản đồ hiện trạng sử dụng đất.zip", plan, "application/zip"), cut);

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CongVanApplication.class)
                .initializers(new TestDatabaseInitializer())
                .properties(secondNodeSettings())
                .run()) {
            int secondPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            String token = new TestProvince(jdbc, encoder, secondPort).tokenFor(clerk);
            URI location = URI.create("http://localhost:" + secondPort + "/api/v1/uploads/" + upload);

            HttpResponse<Void> offset = HTTP.send(
                    tus(location, token)
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(offset.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(cut));
            HttpResponse<String> rest = HTTP.send(
                    tus(location, token)
                            .header("Upload-Offset", Integer.toString(cut))
                            .header("Content-Type", "application/offset+octet-stream")
                            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(plan, cut, plan.length - cut))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
            assertThat(rest.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(plan.length));
        }

        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plan));
        assertThat(SERVER.sizeOf(BUCKET, "blobs/" + sha256)).isEqualTo(plan.length);
        assertThat(SERVER.keys(BUCKET, "uploads/" + upload)).isEmpty();
        String kept = jdbc.sql("select sha256 from file_upload where id = ?")
                .param(upload)
                .query(String.class)
                .single();
        assertThat(kept).isEqualTo(sha256);
        // Back on the first node: the file is attached by its upload's id and read whole.
        ApiClient onFirst = new ApiClient(port, province.tokenFor(clerk));
        var registered = arrivalWith(onFirst, department, upload, "89");
        Map<?, ?> file = (Map<?, ?>) ((List<?>) registered.get("files")).get(1);
        assertThat(onFirst.get("/api/v1/documents/" + registered.get("id") + "/files/" + file.get("id"))
                        .bytes())
                .isEqualTo(plan);
    }

    /** Registers an arrival whose one attachment is the finished upload. */
    private static ApiClient.Answer arrivalWith(ApiClient clerk, TestProvince.Unit unit, UUID upload, String number)
            throws Exception {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", unit.id().toString());
        metadata.put("typeName", "Tờ trình");
        metadata.put("codeNumber", number);
        metadata.put("codeNotation", "TTr-BQLDA");
        metadata.put("issuedDate", LocalDate.now().minusDays(1).toString());
        metadata.put("organName", "Ban quản lý dự án đầu tư xây dựng tỉnh");
        metadata.put("subject", "Về việc thẩm định hồ sơ " + number);
        metadata.put("attachmentUploadIds", List.of(upload.toString()));
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                metadata,
                FilePart.pdf("to-trinh.pdf", SamplePdf.withText("TỜ TRÌNH")),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered;
    }

    private static Map<String, Object> secondNodeSettings() {
        Map<String, Object> settings = new HashMap<>(SERVER.settings(BUCKET));
        settings.put("congvan.storage.s3.multipart-threshold", "5MB");
        settings.put("congvan.storage.s3.part-size", "5MB");
        settings.put("server.port", "0");
        return settings;
    }

    private static HttpRequest.Builder tus(URI upload, String token) {
        return HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0");
    }
}
