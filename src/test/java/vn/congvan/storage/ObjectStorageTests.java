package vn.congvan.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.congvan.AcrossProcesses;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.S3Proxy;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * CongVan keeping its files in an S3 bucket (S3Proxy, a server of its own): a file uploaded in
 * pieces becomes an object sent in parts, is registered by its upload's id and comes back whole or
 * in ranges, and nothing of it stays on the node's disk.
 */
@CongVanTest
@AcrossProcesses
class ObjectStorageTests {

    static final S3Proxy SERVER = S3Proxy.start();
    static final String BUCKET = "congvan-files";

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

        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", department.id().toString());
        metadata.put("typeName", "Tờ trình");
        metadata.put("codeNumber", "88");
        metadata.put("codeNotation", "TTr-BQLDA");
        metadata.put("issuedDate", LocalDate.now().minusDays(1).toString());
        metadata.put("organName", "Ban quản lý dự án đầu tư xây dựng tỉnh");
        metadata.put("subject", "Về việc thẩm định hồ sơ thiết kế cơ sở");
        metadata.put("attachmentUploadIds", List.of(upload.toString()));
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                metadata,
                FilePart.pdf("to-trinh.pdf", SamplePdf.withText("TỜ TRÌNH")),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

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
}
