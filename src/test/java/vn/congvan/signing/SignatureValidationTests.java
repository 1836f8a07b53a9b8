package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
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
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.pki.IssuedCertificate;

@CongVanTest
class SignatureValidationTests {

    static final String UNIT = "Sở Tài nguyên và Môi trường tỉnh Bắc Giang";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PadesSigner signer;

    final TestPki pki = TestPki.shared();
    SignedPdfs pdfs;
    ApiClient anyone;

    @BeforeEach
    void anyOfficialChecksFiles() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Ủy ban nhân dân xã Tăng Tiến", "UBND");
        anyone = new ApiClient(port, province.tokenFor(province.anOfficial("Lê Văn Xem", Role.SPECIALIST, unit.id())));
        pdfs = new SignedPdfs(signer);
    }

    @Test
    void aSignedPdfIsReportedValidWithItsSignerUnitCertificateTimeAndLevel() {
        IssuedCertificate director = pki.person("Hoàng Minh Đức", UNIT);
        byte[] signed = pdfs.signedBy(director, SamplePdf.withText("Báo cáo công tác quý III"));

        Map<String, Object> check = onlySignature(validate(signed));

        assertThat(check.get("result")).isEqualTo("TOTAL_PASSED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.valid");
        assertThat(check.get("reason")).isEqualTo("Chữ ký số hợp lệ.");
        assertThat(check.get("signerName")).isEqualTo("Hoàng Minh Đức");
        assertThat(check.get("unit")).isEqualTo(UNIT);
        assertThat(check.get("certificateSerial"))
                .isEqualTo(director.certificate().getSerialNumber().toString(16).toUpperCase());
        assertThat((String) check.get("signingTime")).endsWith("+07:00");
        assertThat(check.get("level")).isEqualTo("PAdES-BASELINE-B");
        assertThat(check.get("coversWholeDocument")).isEqualTo(true);
    }

    @Test
    void aByteChangedInsideTheSignedRangeMakesTheSignatureInvalidForUsAndForPoppler() {
        byte[] signed = pdfs.signedBy(pki.person("Hoàng Minh Đức", UNIT), SamplePdf.withText("Quyết định"));
        byte[] tampered = signed.clone();
        // The binary comment on the PDF's second line lies inside the first signed byte range.
        int comment = new String(tampered, StandardCharsets.ISO_8859_1).indexOf('%', 5);
        tampered[comment + 1] ^= 0x01;

        Map<String, Object> check = onlySignature(anyone.inEnglish()
                .upload(
                        HttpMethod.POST,
                        "/api/v1/signature-validations",
                        "file",
                        FilePart.pdf("tampered.pdf", tampered))
                .json());

        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.modified");
        assertThat(check.get("reason"))
                .isEqualTo("The signed content was altered: the signature no longer " + "matches the document.");
        assertThat(Poppler.pdfsig(tampered))
                .singleElement()
                .satisfies(s -> assertThat(s).doesNotContain("Signature is Valid."));
    }

    @Test
    void anIncrementalUpdateThatChangesThePageAfterSigningIsReported() throws IOException {
        byte[] signed =
                pdfs.signedBy(pki.person("Hoàng Minh Đức", UNIT), SamplePdf.withText("Quyết định cấp 500 m2 đất"));
        byte[] changed = appendedText(signed, "Đã sửa: cấp 5000 m2 đất");

        Map<String, Object> check = onlySignature(validate(changed));

        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.changed-after-signing");
        assertThat(check.get("coversWholeDocument")).isEqualTo(false);
        assertThat(Poppler.pdfsig(changed))
                .singleElement()
                .satisfies(s -> assertThat(s).doesNotContain("Total document signed"));
    }

    @Test
    void bytesAddedAfterTheEndOfTheSignedFileAreReportedForUsAndForPoppler() {
        byte[] signed = pdfs.signedBy(pki.person("Hoàng Minh Đức", UNIT), SamplePdf.withText("Quyết định"));
        byte[] extra = "\n% Đã sửa: cấp 5000 m2\n".getBytes(StandardCharsets.UTF_8);
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + extra.length);
        System.arraycopy(extra, 0, appended, signed.length, extra.length);

        Map<String, Object> check = onlySignature(anyone.inEnglish()
                .upload(
                        HttpMethod.POST,
                        "/api/v1/signature-validations",
                        "file",
                        FilePart.pdf("appended.pdf", appended))
                .json());

        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.appended");
        assertThat(check.get("reason")).isEqualTo("Data was added after the signed part of the document.");
        assertThat(check.get("coversWholeDocument")).isEqualTo(false);
        assertThat(Poppler.pdfsig(appended))
                .singleElement()
                .satisfies(s -> assertThat(s).doesNotContain("Total document signed"));
    }

    @Test
    void aLaterRevisionThatUncoversALineHiddenInTheSignedRevisionIsReported() throws IOException {
        byte[] signed = pdfs.signedBy(
                pki.person("Hoàng Minh Đức", UNIT),
                withCoveredLine("Quyết định cấp 500 m2 đất", "Quyết định cấp 5000 m2 đất"));
        byte[] uncovered = uncovered(signed);

        Map<String, Object> check = onlySignature(validate(uncovered));

        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.changed-after-signing");
    }

    @Test
    void aLaterRevisionThatSwapsThePageContentForAStreamHiddenInTheSignedRevisionIsReported() throws IOException {
        byte[] signed = pdfs.signedBy(
                pki.person("Hoàng Minh Đức", UNIT),
                withHiddenContent("Quyết định cấp 500 m2 đất", "Quyết định cấp 5000 m2 đất"));
        byte[] swapped = swapped(signed);
        assertThat(text(signed)).contains("500 m2").doesNotContain("5000 m2");
        assertThat(text(swapped)).contains("5000 m2").doesNotContain(" 500 m2");

        Map<String, Object> check = onlySignature(validate(swapped));

        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.changed-after-signing");
    }

    @Test
    void aLaterRevisionThatLaysAnAnnotationOverTheSignedTextIsReported() throws IOException {
        byte[] signed =
                pdfs.signedBy(pki.person("Hoàng Minh Đức", UNIT), SamplePdf.withText("Quyết định cấp 500 m2 đất"));
        byte[] overlaid = overlaid(signed, "Quyet dinh cap 5000 m2 dat");

        Map<String, Object> check = onlySignature(validate(overlaid));

        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.changed-after-signing");
    }

    @Test
    void aSignatureByACertificateRevokedSinceIsReportedFromTheCrl() {
        IssuedCertificate revoked = pki.person("Trần Văn Mất", UNIT);
        byte[] signed = pdfs.signedBy(revoked, SamplePdf.withText("Công văn"));
        pki.revoke(revoked.certificate());
        int crlsBefore = pki.crlRequests();

        pki.withoutOcsp(() -> {
            Map<String, Object> check = onlySignature(validate(signed));

            assertThat(check.get("result")).isNotEqualTo("TOTAL_PASSED");
            assertThat(check.get("reasonCode")).isEqualTo("signing.reason.revoked");
        });
        assertThat(pki.crlRequests()).isGreaterThan(crlsBefore);
    }

    @Test
    void aSignatureByACertificateOfAnUntrustedAuthorityIsIndeterminate() {
        byte[] signed = pdfs.signedBy(pki.untrusted("Người Lạ", "Công ty ABC"), SamplePdf.withText("Thư"));

        Map<String, Object> check = onlySignature(validate(signed));

        assertThat(check.get("result")).isEqualTo("INDETERMINATE");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.untrusted");
    }

    @Test
    void anUnsignedPdfHasNoSignatures() {
        assertThat(DocumentSigningTests.signatures(validate(SamplePdf.withText("Chưa ký"))))
                .isEmpty();
    }

    @Test
    void aPdfThatDecodesToAGigabyteIsAnsweredCouldNotBeCheckedInsteadOfWorkedOnForMinutes() {
        // DSS opens the PDF with PDFBox, which decodes an object stream whole, in memory, as it opens it.
        byte[] bomb = vn.congvan.DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(1024, false);

        Map<String, Object> vietnamese = validate(bomb);
        var english = anyone.inEnglish()
                .upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("file.pdf", bomb));

        assertThat(DocumentSigningTests.signatures(vietnamese)).isEmpty();
        assertThat(vietnamese.get("notChecked")).isEqualTo("Không kiểm tra được: tệp quá lớn khi giải nén");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.get("notChecked")).isEqualTo("Could not be checked: too large when decoded");
    }

    @Test
    void aPdfWhosePageDecodesToAGigabyteIsNotCheckedEither() throws IOException {
        // DSS draws the pages of a signed PDF's revisions to compare them: what the pages hold is measured too.
        Map<String, Object> report = validate(vn.congvan.DecompressionBombs.aPdfWhosePageDecodesToAGigabyte("BOM"));

        assertThat(report.get("notChecked")).isEqualTo("Không kiểm tra được: tệp quá lớn khi giải nén");
    }

    @Test
    void aSignedPdfWithOneImageThatDecodesToAGigabyteIsAnsweredCouldNotBeCheckedNotDrawn() throws IOException {
        // DSS draws the pages of the signed revision and of the file to compare them; an image is
        // decoded whole as it is drawn. The image says it is a megabyte; its stream decodes to a gigabyte.
        byte[] signed = PluginSigningTests.signedBy(
                pki.person("Hoàng Minh Đức", UNIT),
                vn.congvan.DecompressionBombs.aPdfWithAnImageThatDecodesTo(1024),
                null);

        Map<String, Object> report = validate(signed);

        assertThat(DocumentSigningTests.signatures(report)).isEmpty();
        assertThat(report.get("notChecked")).isEqualTo("Không kiểm tra được: tệp quá lớn khi giải nén");
    }

    @Test
    void aSignedRevisionWhoseImageDecodesToAGigabyteIsNotDrawnThoughALaterRevisionReplacesTheImage()
            throws IOException {
        // The file as it ends is harmless; the revision the signature covers, which DSS draws too, is not.
        byte[] signed = PluginSigningTests.signedBy(
                pki.person("Hoàng Minh Đức", UNIT),
                vn.congvan.DecompressionBombs.aPdfWithAnImageThatDecodesTo(1024),
                null);
        byte[] replaced = withTheImageReplaced(signed);

        Map<String, Object> report = validate(replaced);

        assertThat(DocumentSigningTests.signatures(report)).isEmpty();
        assertThat(report.get("notChecked")).isEqualTo("Không kiểm tra được: tệp quá lớn khi giải nén");
    }

    @Test
    void aSignedPageOf14400By14400PointsIsNotDrawnButAnsweredCouldNotBeChecked() throws IOException {
        // Drawn at 72 dpi, 207 million pixels: 830 MB for one picture, and DSS draws two to compare.
        byte[] huge;
        try (PDDocument document = Loader.loadPDF(SamplePdf.withText("Bản đồ quy hoạch"))) {
            document.getPage(0).setMediaBox(new PDRectangle(14_400, 14_400));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            huge = out.toByteArray();
        }
        byte[] signed = PluginSigningTests.signedBy(pki.person("Hoàng Minh Đức", UNIT), huge, null);

        Map<String, Object> report = validate(signed);

        assertThat(report.get("notChecked")).isEqualTo("Không kiểm tra được: tệp quá lớn khi giải nén");
    }

    @Test
    void signingAPdfWithOneImageThatDecodesToAGigabyteIsRefusedAsTooLargeToDraw() throws IOException {
        // What CongVan signs is drawn afterwards, by DSS as it signs at level T and above and by every validation.
        byte[] bomb = vn.congvan.DecompressionBombs.aPdfWithAnImageThatDecodesTo(1024);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> pdfs.signedBy(pki.person("Hoàng Minh Đức", UNIT), bomb))
                .isInstanceOfSatisfying(
                        vn.congvan.shared.DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("platform.pdf.too-large-to-draw"));
    }

    @Test
    void aScannedDossierOfOrdinaryImagesIsStillSignedAndValidatedAsBefore() throws IOException {
        byte[] signed =
                pdfs.signedBy(pki.person("Hoàng Minh Đức", UNIT), vn.congvan.DecompressionBombs.aScannedDossier(3));

        Map<String, Object> check = onlySignature(validate(signed));

        assertThat(check.get("result")).isEqualTo("TOTAL_PASSED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.valid");
    }

    @Test
    void aFileThatIsNotAPdfIsRefused() {
        var refused = anyone.upload(
                HttpMethod.POST,
                "/api/v1/signature-validations",
                "file",
                new FilePart("note.pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8), "application/pdf"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.file.not-pdf");
    }

    Map<String, Object> validate(byte[] pdf) {
        var answer =
                anyone.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("file.pdf", pdf));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static Map<String, Object> onlySignature(Map<String, Object> report) {
        List<Map<String, Object>> signatures = DocumentSigningTests.signatures(report);
        assertThat(signatures).hasSize(1);
        return signatures.get(0);
    }

    /**
     * A page showing {@code shown}, whose content also draws {@code hidden} below it under a white box
     * in a content stream of its own: what a shadow attacker has signed.
     */
    static byte[] withCoveredLine(String shown, String hidden) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var font = vn.congvan.platform.PdfFonts.serif(document);
            for (String line : List.of(shown, hidden)) {
                try (PDPageContentStream content =
                        new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    content.beginText();
                    content.setFont(font, 13);
                    content.newLineAtOffset(70, line.equals(shown) ? 760 : 730);
                    content.showText(line);
                    content.endText();
                }
            }
            try (PDPageContentStream cover =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cover.setNonStrokingColor(java.awt.Color.WHITE);
                cover.addRect(60, 720, 450, 30);
                cover.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A page showing {@code shown}, whose signed revision also holds a content stream drawing
     * {@code hidden}, referenced from the catalog but painted nowhere: a shadow attacker's bait.
     */
    static byte[] withHiddenContent(String shown, String hidden) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var font = vn.congvan.platform.PdfFonts.serif(document);
            for (String line : List.of(shown, hidden)) {
                try (PDPageContentStream content =
                        new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    content.beginText();
                    content.setFont(font, 13);
                    content.newLineAtOffset(70, 760);
                    content.showText(line);
                    content.endText();
                }
            }
            COSArray contents = (COSArray) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            page.getCOSObject().setItem(COSName.CONTENTS, contents.get(0));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("CongVanShadow"), contents.get(1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Points page 1 at the hidden stream of {@link #withHiddenContent}: the update adds no content of its own. */
    /** The PDF with page 1's image replaced by a small one in an incremental update of its own. */
    static byte[] withTheImageReplaced(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            org.apache.pdfbox.cos.COSDictionary images =
                    page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
            images.setItem(
                    COSName.getPDFName("Im0"),
                    vn.congvan.DecompressionBombs.image(
                            16, 16, vn.congvan.DecompressionBombs.deflated(new byte[256], 0)));
            images.setNeedToBeUpdated(true);
            page.getResources().getCOSObject().setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static byte[] swapped(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            page.getCOSObject()
                    .setItem(
                            COSName.CONTENTS,
                            document.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("CongVanShadow")));
            return savedIncrementally(document, page);
        }
    }

    /** Drops the white box of {@link #withCoveredLine} in an incremental update that references only signed objects. */
    static byte[] uncovered(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            COSArray contents = (COSArray) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            COSArray withoutCover = new COSArray();
            withoutCover.add(contents.get(0));
            withoutCover.add(contents.get(1));
            page.getCOSObject().setItem(COSName.CONTENTS, withoutCover);
            return savedIncrementally(document, page);
        }
    }

    /** Lays an annotation with a white box and other text over the first line of page 1, in an incremental update. */
    static byte[] overlaid(byte[] pdf, String text) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            PDRectangle box = new PDRectangle(65, 752, 400, 22);
            PDAppearanceStream appearance = new PDAppearanceStream(document);
            appearance.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
            appearance.setResources(new PDResources());
            try (PDPageContentStream content = new PDPageContentStream(document, appearance)) {
                content.setNonStrokingColor(java.awt.Color.WHITE);
                content.addRect(0, 0, box.getWidth(), box.getHeight());
                content.fill();
                content.setNonStrokingColor(java.awt.Color.BLACK);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 13);
                content.newLineAtOffset(5, 8);
                content.showText(text);
                content.endText();
            }
            PDAnnotationSquare square = new PDAnnotationSquare();
            square.setRectangle(box);
            square.setPrinted(true);
            PDAppearanceDictionary appearances = new PDAppearanceDictionary();
            appearances.setNormalAppearance(appearance);
            square.setAppearance(appearances);
            page.getAnnotations().add(square);
            page.setAnnotations(page.getAnnotations());
            return savedIncrementally(document, page);
        }
    }

    /** Adds a line of text to page 1 in an incremental update, as a forger would after signing. */
    static byte[] appendedText(byte[] pdf, String text) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(vn.congvan.platform.PdfFonts.serif(document), 13);
                content.newLineAtOffset(70, 700);
                content.showText(text);
                content.endText();
            }
            return savedIncrementally(document, page);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static byte[] savedIncrementally(PDDocument document, PDPage page) throws IOException {
        page.getCOSObject().setNeedToBeUpdated(true);
        document.getPages().getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out);
        return out.toByteArray();
    }
}
