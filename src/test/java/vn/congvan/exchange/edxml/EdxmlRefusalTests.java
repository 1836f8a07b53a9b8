package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.congvan.exchange.edxml.EdxmlPackages.aReplacement;
import static vn.congvan.exchange.edxml.EdxmlPackages.anAttachment;
import static vn.congvan.exchange.edxml.EdxmlPackages.utf8;
import static vn.congvan.exchange.edxml.EdxmlPackages.written;

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
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.DomainException;

/** Packages that must not be read, each refused with its own message key and no file left behind. */
class EdxmlRefusalTests {

    private static final CongVanProperties INSTALLATION = anInstallation();

    private static final String ENVELOPE = "<edXMLEnvelope><edXMLHeader><MessageHeader><Subject>%s</Subject>"
            + "</MessageHeader></edXMLHeader></edXMLEnvelope>";

    private final Edxml edxml = spooled(ExchangeProperties.defaults());

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
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE edXML [" + entities + "]><edXML>"
                + ENVELOPE.formatted("&lol9;") + "</edXML>";

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

        assertRefused(
                edxml,
                aPackageWith(anAttachment("1", "bao-cao.zip", "application/zip", zip.toByteArray())),
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
        Edxml twoFilesAZip = spooled(new ExchangeProperties(null, null, 2, null, 0));

        assertRefused(
                twoFilesAZip,
                aPackageWith(anAttachment("1", "phu-luc.zip", "application/zip", zip.toByteArray())),
                "exchange.edxml.zip-bomb");
    }

    @Test
    void anAttachmentSaidToBeZippedThatIsNoZipIsRefusedAsMalformed() {
        byte[] pdf = "%PDF-1.7 không phải zip".getBytes(StandardCharsets.UTF_8);

        assertRefused(
                edxml,
                aPackageWith(anAttachment("1", "bao-cao.zip", "application/zip", pdf)),
                "exchange.edxml.malformed");
    }

    @Test
    void aPackageOverTheConfiguredSizeIsRefusedAsTooLarge() {
        Edxml upTo64Kilobytes = spooled(new ExchangeProperties(DataSize.ofKilobytes(64), null, 0, null, 0));
        InputStream biggerPackage = aPackageWith(anAttachment("1", "scan.pdf", "application/pdf", new byte[64 * 1024]));

        DomainException refusal = assertRefused(upTo64Kilobytes, biggerPackage, "exchange.edxml.too-large");
        assertThat(refusal.args()).containsExactly(64L * 1024);
    }

    @Test
    void anAttachmentOverTheConfiguredSizeIsRefusedAsTooLarge() {
        Edxml upTo1Kilobyte = spooled(new ExchangeProperties(null, DataSize.ofKilobytes(1), 0, null, 0));

        assertRefused(
                upTo1Kilobyte,
                aPackageWith(anAttachment("1", "scan.pdf", "application/pdf", new byte[1025])),
                "exchange.edxml.too-large");
    }

    @Test
    void anEnvelopeOfMoreThanFourMillionCharactersIsRefusedAsTooLarge() {
        String huge = "<edXML>" + ENVELOPE.formatted("a".repeat(4 * 1024 * 1024 + 1)) + "</edXML>";

        assertRefused(edxml, utf8(huge), "exchange.edxml.too-large");
    }

    @Test
    void deeplyNestedEdxmlIsRefusedNotAStackOverflow() {
        int levels = 200_000;
        InputStream nested = new GeneratedXml(
                "<edXML><edXMLEnvelope><edXMLHeader>",
                "<a>",
                levels,
                "",
                "</a>",
                levels,
                "</edXMLHeader></edXMLEnvelope></edXML>");

        DomainException refusal = assertRefused(edxml, nested, "exchange.edxml.too-deep");
        assertThat(refusal.status().value()).isEqualTo(400);
        assertThat(refusal.args()).containsExactly(64);
    }

    @Test
    void millionsOfTinyElementsAreRefusedAfterTheAllowedCountWithoutReadingThemAll() {
        int elements = 60_000_000; // 240 MB of empty elements, made as they are read
        GeneratedXml tiny = new GeneratedXml(
                "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader>",
                "<a/>",
                elements,
                "",
                "",
                0,
                "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>");
        long started = System.nanoTime();

        DomainException refusal = assertRefused(edxml, tiny, "exchange.edxml.too-many-elements");

        assertThat(refusal.args()).containsExactly(100_000);
        assertThat(tiny.produced()).as("bytes read of 240 MB").isLessThan(2L * 1024 * 1024);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(java.time.Duration.ofSeconds(10));
    }

    @Test
    void elementsOutsideTheEnvelopeCountToo() {
        Edxml upToAThousand = spooled(new ExchangeProperties(null, null, 0, null, 0, 0, 1000));
        GeneratedXml tiny =
                new GeneratedXml("<edXML>" + ENVELOPE.formatted("Báo cáo"), "<x/>", 1001, "", "", 0, "</edXML>");

        assertRefused(upToAThousand, tiny, "exchange.edxml.too-many-elements");
    }

    @Test
    void aTruncatedBase64ContentIsRefused() {
        String xml = new String(
                EdxmlPackages.written(
                        edxml,
                        EdxmlPackage.ofDocument(
                                aReplacement(List.of()),
                                List.of(anAttachment(
                                        "1",
                                        "a.pdf",
                                        "application/pdf",
                                        "nội dung".getBytes(StandardCharsets.UTF_8))))),
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
        assertRefused(
                edxml,
                new ByteArrayInputStream(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 1, 2}),
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

    /**
     * XML made as it is read, never held: a head, an opening repeated, a middle, a closing repeated
     * and a tail.
     */
    private static final class GeneratedXml extends InputStream {
        private final byte[][] parts;
        private final long[] times;
        private int part;
        private long done;
        private byte[] piece = new byte[0];
        private int position;
        private long produced;

        GeneratedXml(String head, String open, int opens, String middle, String close, int closes, String tail) {
            parts = java.util.stream.Stream.of(head, open, middle, close, tail)
                    .map(p -> p.getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
            times = new long[] {1, opens, 1, closes, 1};
        }

        /** The next piece to hand out, or null at the end. */
        private byte[] next() {
            while (part < parts.length && done >= times[part]) {
                part++;
                done = 0;
            }
            if (part == parts.length) {
                return null;
            }
            done++;
            return parts[part];
        }

        long produced() {
            return produced;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length) {
                if (position == piece.length) {
                    byte[] following = next();
                    if (following == null) {
                        break;
                    }
                    piece = following;
                    position = 0;
                    continue;
                }
                int taken = Math.min(length - n, piece.length - position);
                System.arraycopy(piece, position, buffer, offset + n, taken);
                position += taken;
                n += taken;
            }
            produced += n;
            return n == 0 && length > 0 ? -1 : n;
        }
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

            assertThat(assertRefused(edxml, utf8(xml), "exchange.edxml.status-code")
                            .args())
                    .containsExactly(code);
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

    /** A codec spooling into a directory of this test's own: what it leaves there is counted, nobody else's. */
    private static Edxml spooled(ExchangeProperties properties) {
        return new Edxml(properties, INSTALLATION);
    }

    private static long temporaryFiles() {
        Path spool = Edxml.spoolDir(INSTALLATION);
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (var files = Files.list(spool)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CongVanProperties anInstallation() {
        try {
            return new CongVanProperties(
                    Files.createTempDirectory("congvan-edxml-refusals"),
                    new CongVanProperties.Db(null, null, null),
                    new CongVanProperties.Demo(null, null, null),
                    new CongVanProperties.Api(java.time.Duration.ofHours(8)));
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
