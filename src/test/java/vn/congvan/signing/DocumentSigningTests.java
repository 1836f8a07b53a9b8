package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;

@CongVanTest
public class DocumentSigningTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    TestProvince province;
    TestProvince.Unit committee;
    ApiClient chairman;
    ApiClient clerk;
    TestSigners signers;

    @BeforeEach
    void aCommitteeWhoseChairmanAndClerkHoldCertificates() {
        province = new TestProvince(jdbc, encoder, port);
        signers = new TestSigners(jdbc, certificates);
        committee = province.aUnit("Ủy ban nhân dân huyện Việt Yên", "UBND");
        String chairmanName = province.anOfficial("Nguyễn Văn Thắng", Role.LEADER, committee.id());
        String clerkName = province.anOfficial("Đỗ Thị Văn Thư", Role.CLERK, committee.id());
        signers.personal(chairmanName, committee.id(), committee.name());
        signers.organization(committee.id(), committee.name());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        clerk = new ApiClient(port, province.tokenFor(clerkName));
    }

    @Test
    void theChairmanSignsTheClerkSealsAndSignsTheAttachmentAndEverySignatureIsValidForDssAndPoppler() {
        Map<String, Object> decision = issueDecision();
        String id = (String) decision.get("id");
        String attachmentId = fileId(decision, "ATTACHMENT");

        var personal = chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(personal.status()).as(personal.body()).isEqualTo(201);
        assertThat(personal.get("appearance")).isEqualTo("PERSONAL");
        assertThat(personal.get("version")).isEqualTo(2);

        var seal = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));
        assertThat(seal.status()).as(seal.body()).isEqualTo(201);
        assertThat(seal.get("appearance")).isEqualTo("SEAL");
        assertThat(seal.get("version")).isEqualTo(3);

        var attachment = clerk.postJson(
                "/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION", "fileId", attachmentId));
        assertThat(attachment.status()).as(attachment.body()).isEqualTo(201);
        assertThat(attachment.get("appearance")).isEqualTo("ATTACHMENT");

        byte[] main = clerk.get("/api/v1/documents/" + id + "/files/" + fileId(decision, "MAIN"))
                .bytes();
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("qd.pdf", main));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        List<Map<String, Object>> signatures = signatures(report.json());
        assertThat(signatures).hasSize(2);
        assertThat(signatures).allSatisfy(s -> {
            assertThat(s.get("result")).as(s.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.get("level")).isEqualTo("PAdES-BASELINE-B");
            assertThat(s.get("unit")).isEqualTo("Ủy ban nhân dân huyện Việt Yên");
        });
        assertThat(signatures.get(0).get("signerName")).isEqualTo("Nguyễn Văn Thắng");
        assertThat(signatures.get(1).get("signerName")).isEqualTo("Ủy ban nhân dân huyện Việt Yên");
        assertThat(signatures.get(1).get("coversWholeDocument")).isEqualTo(true);

        assertThat(Poppler.pdfsig(main))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
        byte[] signedAttachment =
                clerk.get("/api/v1/documents/" + id + "/files/" + attachmentId).bytes();
        assertThat(Poppler.pdfsig(signedAttachment))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    @Test
    void everySignatureCongVanWritesIsTrustedByPopplerWhoseNssTrustsTheRootTheSealOnASignedMainFileToo() {
        Map<String, Object> decision = issueDecision();
        String id = (String) decision.get("id");
        String attachmentId = fileId(decision, "ATTACHMENT");
        chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));
        clerk.postJson(
                "/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION", "fileId", attachmentId));
        byte[] main = clerk.get("/api/v1/documents/" + id + "/files/" + fileId(decision, "MAIN"))
                .bytes();
        byte[] attachment =
                clerk.get("/api/v1/documents/" + id + "/files/" + attachmentId).bytes();
        Path nss = Poppler.nssTrusting(TestPki.shared().root());

        assertThat(Poppler.pdfsig(main, nss))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s)
                        .contains("Signature Validation: Signature is Valid.")
                        .contains("Certificate Validation: Certificate is Trusted."));
        assertThat(Poppler.pdfsig(attachment, nss))
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .contains("Signature Validation: Signature is Valid.")
                        .contains("Certificate Validation: Certificate is Trusted."));
    }

    @Test
    void theSignaturesShowAsDecree30LaysThemOutWithTheirVietnameseText() throws Exception {
        Map<String, Object> decision = issueDecision();
        String id = (String) decision.get("id");
        chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));
        clerk.postJson(
                "/api/v1/documents/" + id + "/signatures",
                Map.of("kind", "ORGANIZATION", "fileId", fileId(decision, "ATTACHMENT")));
        byte[] main = clerk.get("/api/v1/documents/" + id + "/files/" + fileId(decision, "MAIN"))
                .bytes();
        byte[] attachment = clerk.get("/api/v1/documents/" + id + "/files/" + fileId(decision, "ATTACHMENT"))
                .bytes();

        List<SignatureAppearances.Shown> shown = SignatureAppearances.of(main);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).text()).contains("Nguyễn Văn Thắng").contains("Chủ tịch");
        assertThat(shown.get(1).text()).isEmpty();
        String notation = (String) decision.get("notation");
        assertThat(SignatureAppearances.of(attachment)).singleElement().satisfies(a -> {
            assertThat(a.text()).contains(notation);
            assertThat(a.text()).containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
            // Top right of the first page of an A4 sheet.
            assertThat(a.rectangle().getUpperRightX()).isGreaterThan(500);
            assertThat(a.rectangle().getUpperRightY()).isGreaterThan(780);
        });

        BufferedImage page = ImageIO.read(new ByteArrayInputStream(Poppler.render(main, 1, 100)));
        Files.createDirectories(Path.of("target/signing"));
        ImageIO.write(page, "png", Path.of("target/signing/decision-signed.png").toFile());
        Files.write(Path.of("target/signing/attachment-signed.png"), Poppler.render(attachment, 1, 100));
        Ink blue = Ink.of(page, Ink::blue);
        Ink red = Ink.of(page, Ink::red);
        assertThat(blue.found()).as("the signature image shows").isTrue();
        assertThat(red.found()).as("the seal shows").isTrue();
        // The seal covers about the left third of the signature image, and stands out on its left.
        assertThat(red.left()).isLessThan(blue.left());
        assertThat(red.right()).isBetween(blue.left() + blue.width() / 6, blue.left() + blue.width() / 2);
        assertThat(red.top()).isLessThan(blue.bottom());
        assertThat(red.bottom()).isGreaterThan(blue.top());
    }

    @Test
    void aPersonalSignatureGoesToTheCoordinatesGiven() {
        String id = (String) issueDecision().get("id");

        var signed = chairman.postJson(
                "/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL", "page", 1, "x", 72, "y", 400));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        var widget = SignatureAppearances.of(mainFile(id)).get(0).rectangle();
        assertThat(widget.getLowerLeftX()).isCloseTo(72f, org.assertj.core.data.Offset.offset(1f));
        // 400 points from the top of an A4 page (842 points high).
        assertThat(widget.getUpperRightY()).isCloseTo(442f, org.assertj.core.data.Offset.offset(1f));
    }

    @Test
    void aPersonalSignatureCoversTheMarkerTextOfTheTemplate() {
        String id = (String) issue(
                        "Quyết định",
                        SamplePdf.withText(
                                "QUYẾT ĐỊNH",
                                "",
                                "CHỦ TỊCH",
                                "                              [Chữ ký số]",
                                "Nguyễn Văn Thắng"))
                .get("id");

        var signed = chairman.postJson(
                "/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL", "marker", "[Chữ ký số]"));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        var widget = SignatureAppearances.of(mainFile(id)).get(0).rectangle();
        // The marker's line is the 4th: its baseline stands 760 - 3 × 18 = 706 points from the bottom.
        assertThat(widget.getLowerLeftY()).isLessThan(706f);
        assertThat(widget.getUpperRightY()).isGreaterThan(706f);
        assertThat(widget.getLowerLeftX()).isGreaterThan(150f);
    }

    @Test
    void withoutTheSignersNamePrintedThePersonalSignatureGoesUnderTheirPosition() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", "Tờ trình");
        metadata.put("subject", "Về việc cải tạo đường huyện");
        metadata.put("signerPosition", "Chủ tịch");
        String id = (String) clerk.multipart(
                        "/api/v1/documents/outgoing",
                        metadata,
                        FilePart.pdf(
                                "tt.pdf",
                                SamplePdf.withText(
                                        "TỜ TRÌNH",
                                        "Về việc cải tạo đường huyện",
                                        "",
                                        "TM. ỦY BAN NHÂN DÂN",
                                        "                    CHỦ TỊCH")),
                        List.of())
                .get("id");

        chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));

        var widget = SignatureAppearances.of(mainFile(id)).get(0).rectangle();
        // "CHỦ TỊCH" is the 5th line: its baseline stands 760 - 4 × 18 = 688 points from the bottom.
        assertThat(widget.getUpperRightY()).isBetween(650f, 688f);
        assertThat(widget.getLowerLeftX()).isGreaterThan(70f);
    }

    @Test
    void aMarkerTheDocumentDoesNotHoldIsRefused() {
        String id = (String) issueDecision().get("id");

        var refused = chairman.postJson(
                "/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL", "marker", "[Không có]"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.placement.marker-not-found");
    }

    @Test
    void anElectronicCopyCarriesTheCopyFormTheCopyingUnitAndTheTimeTopRight() {
        Map<String, Object> copy = issue("Bản sao y", SamplePdf.withText("Bản sao y Quyết định số 15/QĐ-UBND"));
        String id = (String) copy.get("id");

        var signed = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.get("appearance")).isEqualTo("COPY");
        assertThat(SignatureAppearances.of(mainFile(id))).singleElement().satisfies(a -> {
            assertThat(a.text())
                    .contains("SAO Y")
                    .contains("Ủy ban nhân dân huyện Việt Yên")
                    .containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
            assertThat(a.rectangle().getUpperRightY()).isGreaterThan(780);
        });
    }

    byte[] mainFile(String id) {
        return Decisions.mainFile(clerk, id);
    }

    Map<String, Object> issue(String type, byte[] pdf) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", type);
        metadata.put("subject", "Về việc phòng chống lụt bão năm 2026");
        var issued = clerk.multipart("/api/v1/documents/outgoing", metadata, FilePart.pdf("vb.pdf", pdf), List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    /** The box around the pixels of one colour on a rendered page. */
    record Ink(int left, int top, int right, int bottom) {
        static Ink of(BufferedImage image, java.util.function.IntPredicate colour) {
            int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (colour.test(image.getRGB(x, y))) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            return new Ink(left, top, right, bottom);
        }

        boolean found() {
            return right >= 0;
        }

        int width() {
            return right - left;
        }

        static boolean blue(int rgb) {
            int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
            return b > 120 && b > r + 60 && b > g + 40;
        }

        static boolean red(int rgb) {
            int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
            return r > 150 && r > g + 80 && r > b + 80;
        }
    }

    Map<String, Object> issueDecision() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", "Quyết định");
        metadata.put("subject", "Về việc phê duyệt kế hoạch phòng chống lụt bão năm 2026");
        metadata.put("signerAuthority", "NONE");
        metadata.put("signerPosition", "Chủ tịch");
        metadata.put("signerFullName", "Nguyễn Văn Thắng");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf("quyet-dinh.pdf", decisionPdf()),
                List.of(FilePart.pdf("phu-luc.pdf", SamplePdf.withText("Phụ lục: Danh sách đơn vị ứng trực"))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    static byte[] decisionPdf() {
        return SamplePdf.withText(
                "QUYẾT ĐỊNH",
                "Về việc phê duyệt kế hoạch phòng chống lụt bão năm 2026",
                "Điều 1. Phê duyệt kế hoạch kèm theo Quyết định này.",
                "",
                "                                                       TM. ỦY BAN NHÂN DÂN",
                "                                                             CHỦ TỊCH",
                "",
                "",
                "",
                "",
                "",
                "",
                "                                                       Nguyễn Văn Thắng");
    }

    public static String fileId(Map<String, Object> document, String role) {
        return ((List<?>) document.get("files"))
                .stream()
                        .map(f -> (Map<?, ?>) f)
                        .filter(f -> role.equals(f.get("role")))
                        .map(f -> (String) f.get("id"))
                        .findFirst()
                        .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> signatures(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("signatures");
    }

    static UUID uuid(Object id) {
        return UUID.fromString((String) id);
    }
}
