package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * Files uploaded in pieces beforehand (tus) stand in for the file parts of the requests that
 * register documents and write drafts, named by id in their metadata; and a stored file leaves
 * whole or in the byte ranges asked for.
 */
@CongVanTest
class FilesFromUploadsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestProvince.Unit department;
    ApiClient clerk;
    ApiClient otherClerk;
    ApiClient specialist;

    @BeforeEach
    void aDepartmentWithTwoClerksAndASpecialist() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Tài nguyên và Môi trường " + UUID.randomUUID(), "STNMT");
        clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Vũ Thị Tải", Role.CLERK, department.id())));
        otherClerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Lê Văn Khác", Role.CLERK, department.id())));
        specialist = new ApiClient(
                port, province.tokenFor(province.anOfficial("Phan Thị Soạn", Role.SPECIALIST, department.id())));
    }

    @Test
    void anArrivalWhoseFilesWereUploadedBeforeIsRegisteredWithThemByteForByte() {
        FilePart pdf = FilePart.pdf("Quyết định phê duyệt quy hoạch.pdf", SamplePdf.withPages(3, "QUYẾT ĐỊNH"));
        FilePart map = new FilePart("Bản đồ quy hoạch 1-2000.dwg", randomBytes(700_000), "application/acad");
        UUID mainUpload = clerk.uploaded(pdf);
        UUID mapUpload = clerk.uploaded(map);

        Map<String, Object> metadata = anArrival("101");
        metadata.put("fileUploadId", mainUpload.toString());
        metadata.put("attachmentUploadIds", List.of(mapUpload.toString()));
        var registered = clerk.multipart("/api/v1/documents/incoming", metadata, null, List.of());

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("pageAmount")).isEqualTo(3);
        List<?> files = (List<?>) registered.get("files");
        assertThat(files).hasSize(2);
        Map<?, ?> main = (Map<?, ?>) files.get(0);
        Map<?, ?> attachment = (Map<?, ?>) files.get(1);
        assertThat(main.get("fileName")).isEqualTo("Quyết định phê duyệt quy hoạch.pdf");
        assertThat(main.get("sha256")).isEqualTo(sha256(pdf.content()));
        assertThat(attachment.get("fileName")).isEqualTo("Bản đồ quy hoạch 1-2000.dwg");
        assertThat(attachment.get("sha256")).isEqualTo(sha256(map.content()));
        String id = (String) registered.get("id");
        assertThat(clerk.get("/api/v1/documents/" + id + "/files/" + main.get("id"))
                        .bytes())
                .isEqualTo(pdf.content());
        assertThat(clerk.get("/api/v1/documents/" + id + "/files/" + attachment.get("id"))
                        .bytes())
                .isEqualTo(map.content());
    }

    @Test
    void anUploadThatIsAnothersOrUnfinishedOrSentWithAFilePartIsRefusedByFieldAndNothingIsRegistered() {
        FilePart pdf = FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN"));
        UUID others = otherClerk.uploaded(pdf);
        UUID unfinished = clerk.uploaded(pdf, 100);
        UUID mine = clerk.uploaded(pdf);
        int before = arrivals();

        var ofAnother = clerk.inEnglish().multipart("/api/v1/documents/incoming", withUpload(others), null, List.of());
        assertThat(ofAnother.status()).isEqualTo(400);
        assertThat(problem(ofAnother))
                .containsEntry("field", "fileUploadId")
                .containsEntry("code", "storage.upload.not-found");

        var halfway =
                clerk.inEnglish().multipart("/api/v1/documents/incoming", withUpload(unfinished), null, List.of());
        assertThat(halfway.status()).isEqualTo(400);
        assertThat(problem(halfway)).containsEntry("code", "storage.upload.unfinished");
        assertThat((String) problem(halfway).get("message"))
                .isEqualTo("The file has not finished uploading (the server holds 100 of "
                        + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH)
                                .format(pdf.content().length)
                        + " bytes). Wait until it has, then send again.");

        var twice = clerk.multipart("/api/v1/documents/incoming", withUpload(mine), pdf, List.of());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(problem(twice)).containsEntry("code", "registry.file.twice");

        var neither = clerk.multipart("/api/v1/documents/incoming", anArrival("104"), null, List.of());
        assertThat(neither.status()).isEqualTo(400);
        assertThat(problem(neither)).containsEntry("field", "file").containsEntry("code", "validation.required");

        Map<String, Object> oddAttachment = withUpload(mine);
        oddAttachment.put("attachmentUploadIds", List.of(UUID.randomUUID().toString()));
        var unknownAttachment = clerk.multipart("/api/v1/documents/incoming", oddAttachment, null, List.of());
        assertThat(unknownAttachment.status()).isEqualTo(400);
        assertThat(problem(unknownAttachment))
                .containsEntry("field", "attachmentUploadIds[0]")
                .containsEntry("code", "storage.upload.not-found");

        assertThat(arrivals()).isEqualTo(before);
    }

    @Test
    void aDraftAndItsNextVersionTakeTheirPdfFromUploads() {
        FilePart first = FilePart.pdf("Dự thảo lần 1.pdf", SamplePdf.withText("DỰ THẢO 1"));
        FilePart second = FilePart.pdf("Dự thảo lần 2.pdf", SamplePdf.withText("DỰ THẢO 2"));
        Map<String, Object> draft = new HashMap<>(Map.of(
                "unitId",
                department.id().toString(),
                "typeName",
                "Công văn",
                "subject",
                "Về việc lấy ý kiến quy hoạch sử dụng đất",
                "fileUploadId",
                specialist.uploaded(first).toString()));

        var created = specialist.multipart("/api/v1/drafts", draft, null, List.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/drafts/" + created.get("id") + "/versions";
        var revised = specialist.multipart(
                path, Map.of("fileUploadId", specialist.uploaded(second).toString()), null, List.of());

        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(((List<?>) revised.get("versions")).stream().map(v -> (Object) ((Map<?, ?>) v).get("sha256")))
                .containsExactlyInAnyOrder(sha256(first.content()), sha256(second.content()));
        var ofAnother = specialist.multipart(
                path, Map.of("fileUploadId", clerk.uploaded(second).toString()), null, List.of());
        assertThat(ofAnother.status()).isEqualTo(400);
        assertThat(problem(ofAnother)).containsEntry("field", "fileUploadId");
    }

    @Test
    void aStoredFileLeavesInTheByteRangesAskedForUnderItsVietnameseName() {
        byte[] content = randomBytes(300_000);
        FilePart map = new FilePart("Bản đồ hiện trạng.tif", content, "image/tiff");
        Map<String, Object> metadata = anArrival("120");
        metadata.put("attachmentUploadIds", List.of(clerk.uploaded(map).toString()));
        var registered = clerk.multipart(
                "/api/v1/documents/incoming", metadata, FilePart.pdf("cv.pdf", SamplePdf.withText("CV")), List.of());
        Map<?, ?> file = (Map<?, ?>) ((List<?>) registered.get("files")).get(1);
        String path = "/api/v1/documents/" + registered.get("id") + "/files/" + file.get("id");

        var whole = clerk.get(path);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Ban do hien trang.tif\"; "
                        + "filename*=UTF-8''B%E1%BA%A3n%20%C4%91%E1%BB%93%20hi%E1%BB%87n%20tr%E1%BA%A1ng.tif");

        var middle = clerk.get(path, Map.of("Range", "bytes=100000-100099"));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 100000-100099/300000");
        assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(content, 100_000, 100_100));

        var rest = clerk.get(path, Map.of("Range", "bytes=250000-"));
        assertThat(rest.status()).isEqualTo(206);
        assertThat(rest.bytes()).isEqualTo(Arrays.copyOfRange(content, 250_000, 300_000));

        var tail = clerk.get(path, Map.of("Range", "bytes=-10"));
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(content, 299_990, 300_000));

        var changed = clerk.get(path, Map.of("Range", "bytes=0-9", "If-Range", "\"another\""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.bytes()).isEqualTo(content);

        var pastTheEnd = clerk.get(path, Map.of("Range", "bytes=400000-400010"));
        assertThat(pastTheEnd.status()).isEqualTo(416);
        assertThat(pastTheEnd.header("Content-Security-Policy")).isNotNull();
    }

    private Map<String, Object> anArrival(String number) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", department.id().toString());
        m.put("typeName", "Quyết định");
        m.put("codeNumber", number);
        m.put("codeNotation", "QĐ-UBND");
        m.put("issuedDate", LocalDate.now().minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", "Về việc phê duyệt quy hoạch phân khu");
        return m;
    }

    private Map<String, Object> withUpload(UUID upload) {
        Map<String, Object> m = anArrival("102");
        m.put("fileUploadId", upload.toString());
        return m;
    }

    private int arrivals() {
        return jdbc.sql("select count(*) from document where unit_id = ?")
                .param(department.id())
                .query(Integer.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(ApiClient.Answer answer) {
        return (Map<String, Object>) ((List<?>) answer.get("errors")).get(0);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(n).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
