package vn.congvan.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;
import vn.congvan.AcrossProcesses;
import vn.congvan.Poppler;
import vn.congvan.TestPki;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.images.DemoImages;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.settings.SigningProperties;

/**
 * A dossier scanned into a PDF of more than 10⁹ bytes is signed for real: PDFBox's own reserved
 * byte range stops recognising the new signature there (regression: the placeholder stayed in the
 * file and the signature had no value).
 */
@AcrossProcesses
class LargeFileSigningTests {

    static final long PAST_A_GIGABYTE = 1_050_000_000L;
    static final char[] PASSWORD = "test".toCharArray();

    final TestPki pki = TestPki.shared();

    @TempDir
    Path directory;

    @Test
    void aPdfPastAGigabyteGetsASignatureCoveringTheWholeFileThatPopplerFindsValid() throws IOException {
        Path pdf = directory.resolve("ho-so.pdf");
        sparsePdfOf(pdf, PAST_A_GIGABYTE);
        Path signed = directory.resolve("ho-so-signed.pdf");

        IssuedCertificate chairman = pki.person("Lê Văn Tâm", "Ủy ban nhân dân huyện Yên Thế");
        try (Pkcs12SignatureToken token =
                new Pkcs12SignatureToken(chairman.pkcs12(PASSWORD), new KeyStore.PasswordProtection(PASSWORD))) {
            String name = chairman.certificate().getSubjectX500Principal().getName();
            signer().sign(
                            pdf,
                            token,
                            token.getKeys().get(0),
                            VisibleSignature.personal(1, 350, 600, DemoImages.signature(name), name, "Chủ tịch"),
                            new SignatureDictionary(
                                    name, "Ký duyệt", "Yên Thế", Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                            signed);
        }

        long length = Files.size(signed);
        assertThat(length).isGreaterThan(PAST_A_GIGABYTE);
        assertThat(byteRange(signed)).satisfies(range -> {
            assertThat(range.get(0)).isZero();
            assertThat(range.get(1)).isGreaterThan(PAST_A_GIGABYTE);
            assertThat(range.get(2) + range.get(3)).isEqualTo(length);
        });
        assertThat(Poppler.pdfsig(signed))
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .contains("Signature Validation: Signature is Valid.")
                        .contains("Total document signed"));
    }

    private static List<Long> byteRange(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf))) {
            PDSignature signature = document.getLastSignatureDictionary();
            COSArray range = signature.getCOSObject().getCOSArray(COSName.BYTERANGE);
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < range.size(); i++) {
                values.add(((COSNumber) range.getObject(i)).longValue());
            }
            return values;
        }
    }

    /**
     * One page of text, then an unreferenced stream of zeros filling the file to {@code size}:
     * written as a hole, so the file costs no disk until it is signed.
     */
    private static void sparsePdfOf(Path pdf, long size) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            write(file, "%PDF-1.7\n");
            String content = "BT /F1 14 Tf 72 760 Td (HO SO DU AN XAY DUNG) Tj ET";
            String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            };
            for (int i = 0; i < objects.length; i++) {
                offsets.add(file.getFilePointer());
                write(file, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
            }
            offsets.add(file.getFilePointer());
            long filler = size - file.getFilePointer() - 400;
            write(file, "5 0 obj\n<< /Length " + filler + " >>\nstream\n");
            file.seek(file.getFilePointer() + filler);
            write(file, "\nendstream\nendobj\n");
            long xref = file.getFilePointer();
            StringBuilder table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
            for (long offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            table.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n")
                    .append(xref)
                    .append("\n%%EOF\n");
            write(file, table.toString());
        }
    }

    private static void write(RandomAccessFile file, String text) throws IOException {
        file.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static PadesSigner signer() {
        SigningProperties properties = new SigningProperties(
                List.of(),
                null,
                Duration.ofSeconds(5),
                20000,
                null,
                Duration.ofMinutes(10),
                new SigningProperties.Pkcs11(null, null, 0, null),
                null,
                "B-B",
                "wss://127.0.0.1:8987/",
                DataSize.ofMegabytes(100),
                java.time.Duration.ofMinutes(5));
        CongVanProperties congVan = new CongVanProperties(
                Path.of("target"),
                new CongVanProperties.Db("jdbc:postgresql://db/congvan", null, null),
                new CongVanProperties.Demo(false, null, null),
                new CongVanProperties.Api(Duration.ofHours(8)));
        return new PadesSigner(
                new CommonCertificateVerifier(),
                properties,
                new TimeStamping(properties, congVan, new StandardEnvironment()),
                vn.congvan.platform.PdfBounds.defaults());
    }
}
