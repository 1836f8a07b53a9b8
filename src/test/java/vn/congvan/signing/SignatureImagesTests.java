package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
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
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.images.DemoImages;
import vn.congvan.signing.keys.SigningCertificates;

@CongVanTest
class SignatureImagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    TestProvince province;
    TestProvince.Unit ward;
    TestSigners signers;
    String chairmanName;
    ApiClient chairman;
    ApiClient clerk;

    @BeforeEach
    void aWardWithAChairmanAndAClerk() {
        province = new TestProvince(jdbc, encoder, port);
        signers = new TestSigners(jdbc, certificates);
        ward = province.aUnit("Ủy ban nhân dân phường Xương Giang", "UBND");
        chairmanName = province.anOfficial("Trịnh Văn Phường", Role.LEADER, ward.id());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Mai Thị Thư", Role.CLERK, ward.id())));
    }

    @Test
    void theUploadedSignatureImageIsTheOneThePersonalSignatureShows() throws Exception {
        signers.personal(chairmanName, ward.id(), ward.name());
        var uploaded = chairman.upload(
                HttpMethod.PUT,
                "/api/v1/people/" + signers.personId(chairmanName) + "/signature-image",
                "file",
                png("chu-ky.png", ownSignature()));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.get("width")).isEqualTo(480);
        String id = issueLetter();

        chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));

        var document = chairman.get("/api/v1/documents/" + id).json();
        byte[] signed = chairman.get(
                        "/api/v1/documents/" + id + "/files/" + DocumentSigningTests.fileId(document, "MAIN"))
                .bytes();
        assertThat(imageSizesIn(signed)).contains("480x160");
    }

    @Test
    void nobodyUploadsAnotherPersonsSignatureImage() {
        var refused = clerk.upload(
                HttpMethod.PUT,
                "/api/v1/people/" + signers.personId(chairmanName) + "/signature-image",
                "file",
                png("chu-ky.png", DemoImages.signature("Mạo Danh")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.image.own-only");
    }

    @Test
    void theClerkWhoKeepsTheSealUploadsItsImageAndNobodyElse() {
        byte[] seal = DemoImages.seal(ward.name());

        var byTheChairman = chairman.upload(
                HttpMethod.PUT, "/api/v1/units/" + ward.id() + "/seal-image", "file", png("dau.png", seal));
        var byTheClerk = clerk.upload(
                HttpMethod.PUT, "/api/v1/units/" + ward.id() + "/seal-image", "file", png("dau.png", seal));

        assertThat(byTheChairman.status()).isEqualTo(403);
        assertThat(byTheClerk.status()).as(byTheClerk.body()).isEqualTo(200);
    }

    @Test
    void anImageThatIsNotATransparentPngIsRefused() {
        var refused = chairman.inEnglish()
                .upload(
                        HttpMethod.PUT,
                        "/api/v1/people/" + signers.personId(chairmanName) + "/signature-image",
                        "file",
                        png("chu-ky.png", SamplePdf.withText("PDF")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.image.not-png");
        assertThat(refused.get("detail")).isEqualTo("The image must be a PNG file.");
    }

    String issueLetter() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", ward.id().toString());
        metadata.put("typeName", "Công văn");
        metadata.put("subject", "Về việc vệ sinh môi trường");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf(
                        "cv.pdf",
                        SamplePdf.withText("Về việc vệ sinh môi trường", "CHỦ TỊCH", "", "", "", "Trịnh Văn Phường")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return (String) issued.get("id");
    }

    /** A signature the person drew: a blue stroke on a transparent 480×160 image. */
    static byte[] ownSignature() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(480, 160, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(20, 40, 200));
        g.setStroke(new java.awt.BasicStroke(6));
        g.drawLine(30, 120, 450, 40);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static FilePart png(String name, byte[] content) {
        return new FilePart(name, content, "image/png");
    }

    /** The sizes, "w x h" in pixels, of the images the signatures of the PDF show. */
    static List<String> imageSizesIn(byte[] pdf) throws Exception {
        List<String> sizes = new java.util.ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var field : document.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (field instanceof PDSignatureField signature) {
                    collect(signature.getWidgets().get(0).getNormalAppearanceStream(), sizes);
                }
            }
        }
        return sizes;
    }

    private static void collect(PDFormXObject form, List<String> sizes) throws Exception {
        for (var name : form.getResources().getXObjectNames()) {
            var object = form.getResources().getXObject(name);
            if (object instanceof PDImageXObject image) {
                sizes.add(image.getWidth() + "x" + image.getHeight());
            } else if (object instanceof PDFormXObject inner) {
                collect(inner, sizes);
            }
        }
    }
}
