package vn.congvan.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.congvan.exchange.EdxmlPackages.aReplacement;
import static vn.congvan.exchange.EdxmlPackages.anAttachment;
import static vn.congvan.exchange.EdxmlPackages.utf8;
import static vn.congvan.exchange.EdxmlPackages.written;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.congvan.shared.DomainException;

/** Packages that must not be read, each refused with its own message key and no file left behind. */
class EdxmlRefusalTests {

    private static final String ENVELOPE = "<edXMLEnvelope><edXMLHeader><MessageHeader><Subject>%s</Subject>"
            + "</MessageHeader></edXMLHeader></edXMLEnvelope>";

    private final Edxml edxml = new Edxml(ExchangeProperties.defaults());

    @Test
    void anExternalEntityReadingALocalFileIsRefusedAsADoctype(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "mật khẩu");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>"
                + "<edXML>" + ENVELOPE.formatted("&secret;") + "</edXML>";

        assertRefused(edxml, utf8(xxe), "exchange.edxml.doctype");
    }

    @Test
    void theBillionLaughsAreRefusedAsADoctype() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
        }
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE edXML [" + entities + "]><edXML>" + ENVELOPE.formatted("&lol9;")
                + "</edXML>";

        assertRefused(edxml, utf8(laughs), "exchange.edxml.doctype");
    }

    @Test
    void aSmallZipExpandingAHundredTimesItsSizeIsRefusedAsAZipBomb() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("bao-cao.doc"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 16; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(zip.size()).isLessThan(100 * 1024);

        assertRefused(edxml, aPackageWith(anAttachment("1", "bao-cao.zip", "application/zip", zip.toByteArray())),
                "exchange.edxml.zip-bomb");
    }

    @Test
    void aZipOfMoreFilesThanAllowedIsRefusedAsAZipBomb() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (int i = 0; i < 3; i++) {
                out.putNextEntry(new ZipEntry("phu-luc-" + i + ".txt"));
                out.write(("Phụ lục " + i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Edxml twoFilesAZip = new Edxml(new ExchangeProperties(null, null, 2, null, 0));

        assertRefused(twoFilesAZip, aPackageWith(anAttachment("1", "phu-luc.zip", "application/zip", zip.toByteArray())),
                "exchange.edxml.zip-bomb");
    }

    @Test
    void anAttachmentSaidToBeZippedThatIsNoZipIsRefusedAsMalformed() {
        byte[] pdf = "%PDF-1.7 không phải zip".getBytes(StandardCharsets.UTF_8);

        assertRefused(edxml, aPackageWith(anAttachment("1", "bao-cao.zip", "application/zip", pdf)),
                "exchange.edxml.malformed");
    }

    @Test
    void aPackageOverTheConfiguredSizeIsRefusedAsTooLarge() {
        Edxml upTo64Kilobytes = new Edxml(new ExchangeProperties(DataSize.ofKilobytes(64), null, 0, null, 0));
        InputStream biggerPackage = aPackageWith(anAttachment("1", "scan.pdf", "application/pdf", new byte[64 * 1024]));

        DomainException refusal = assertRefused(upTo64Kilobytes, biggerPackage, "exchange.edxml.too-large");
        assertThat(refusal.args()).containsExactly(64L * 1024);
    }

    @Test
    void anAttachmentOverTheConfiguredSizeIsRefusedAsTooLarge() {
        Edxml upTo1Kilobyte = new Edxml(new ExchangeProperties(null, DataSize.ofKilobytes(1), 0, null, 0));

        assertRefused(upTo1Kilobyte, aPackageWith(anAttachment("1", "scan.pdf", "application/pdf", new byte[1025])),
                "exchange.edxml.too-large");
    }

    @Test
    void anEnvelopeOfMoreThanFourMillionCharactersIsRefusedAsTooLarge() {
        String huge = "<edXML>" + ENVELOPE.formatted("a".repeat(4 * 1024 * 1024 + 1)) + "</edXML>";

        assertRefused(edxml, utf8(huge), "exchange.edxml.too-large");
    }

    @Test
    void aTruncatedBase64ContentIsRefused() {
        String xml = new String(
                EdxmlPackages.written(edxml, EdxmlPackage.ofDocument(aReplacement(List.of()), List.of(
                        anAttachment("1", "a.pdf", "application/pdf", "nội dung".getBytes(StandardCharsets.UTF_8))))),
                StandardCharsets.UTF_8);
        String truncated = xml.replaceAll("(?s)(<edXML:ContentTransferEncoded>[A-Za-z0-9+/]{5})[^<]*", "$1");

        assertThat(truncated).isNotEqualTo(xml);
        assertRefused(edxml, utf8(truncated), "exchange.edxml.base64");
    }

    @Test
    void aBase64ContentWithForeignCharactersIsRefused() {
        String xml = "<edXML>" + ENVELOPE.formatted("Báo cáo")
                + "<AttachmentEncoded><Attachment><ContentId>1</ContentId><AttachmentName>a.pdf</AttachmentName>"
                + "<ContentTransferEncoded>QUJD*REVG</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";

        assertRefused(edxml, utf8(xml), "exchange.edxml.base64");
    }

    @Test
    void somethingThatIsNotXmlAtAllIsRefusedAsMalformed() {
        assertRefused(edxml, new ByteArrayInputStream(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 1, 2}),
                "exchange.edxml.malformed");
    }

    @Test
    void aPackageCutOffInTheMiddleIsRefusedAsMalformed() {
        byte[] whole = written(edxml, EdxmlPackage.ofDocument(aReplacement(List.of()), List.of()));

        assertRefused(edxml, new ByteArrayInputStream(whole, 0, whole.length / 2), "exchange.edxml.malformed");
    }

    @Test
    void anXmlDocumentWithoutAnEnvelopeIsRefusedAsMalformed() {
        assertRefused(edxml, utf8("<html><body>Trang chủ</body></html>"), "exchange.edxml.malformed");
    }

    private InputStream aPackageWith(EdxmlAttachment attachment) {
        List<EdxmlAttachment> files = List.of(attachment);
        return new ByteArrayInputStream(written(edxml, EdxmlPackage.ofDocument(aReplacement(files), files)));
    }

    /** The refusal, with its key in both bundles, and no temporary file of the package left. */
    @Test
    void aStatusCodeQcvn102DoesNotDefineIsRefused() {
        for (String code : List.of("07", "14", "99", "", "3")) {
            String xml = "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><From><OrganId>000.00.00.G22</OrganId>"
                    + "</From><ResponseFor><DocumentId>000.00.00.H10,2026/03/05,12/UBND-VP</DocumentId></ResponseFor>"
                    + "<StatusCode>" + code + "</StatusCode></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>";

            assertThat(assertRefused(edxml, utf8(xml), "exchange.edxml.status-code").args()).containsExactly(code);
        }
    }

    private static DomainException assertRefused(Edxml reader, InputStream in, String code) {
        long filesBefore = temporaryFiles();
        DomainException refusal = catchThrowableOfType(DomainException.class, () -> reader.read(in));

        assertThat(refusal).as("refusal").isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(bundle("messages.properties")).containsKey(code);
        assertThat(bundle("messages_en.properties")).containsKey(code);
        assertThat(temporaryFiles()).isLessThanOrEqualTo(filesBefore);
        return refusal;
    }

    private static long temporaryFiles() {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("edxml-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties bundle(String file) {
        Properties bundle = new Properties();
        try (InputStream in = EdxmlRefusalTests.class.getResourceAsStream("/i18n/exchange/" + file)) {
            assertThat(in).as(file).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle;
    }
}
