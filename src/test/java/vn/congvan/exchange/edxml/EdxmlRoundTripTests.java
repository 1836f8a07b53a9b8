package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.congvan.exchange.edxml.EdxmlPackages.aReplacement;
import static vn.congvan.exchange.edxml.EdxmlPackages.aReplyHeader;
import static vn.congvan.exchange.edxml.EdxmlPackages.aStatusRegistered;
import static vn.congvan.exchange.edxml.EdxmlPackages.anAttachment;
import static vn.congvan.exchange.edxml.EdxmlPackages.written;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.storage.SafeFileName;

/** What we write, read back by our own reader, gives the same values. */
class EdxmlRoundTripTests {

    private final Edxml edxml = new Edxml(ExchangeProperties.defaults());

    @Test
    void everyFieldOfAReplacementWithTwoFilesIsReadBackAsWritten() throws Exception {
        byte[] pdf = "%PDF-1.7 công văn".getBytes(StandardCharsets.UTF_8);
        byte[] sheet = new byte[] {0x50, 0x4b, 0, (byte) 0xff};
        List<EdxmlAttachment> files = List.of(
                anAttachment("1", "12-UBND-VP.pdf", "application/pdf", pdf),
                anAttachment("phu-luc", "Phụ lục số liệu.xlsx", "application/vnd.ms-excel", sheet));
        EdxmlDocument sent = aReplacement(files);

        try (EdxmlPackage read =
                edxml.read(new ByteArrayInputStream(written(edxml, EdxmlPackage.ofDocument(sent, files))))) {
            assertThat(read.document()).isEqualTo(sent);
            assertThat(read.attachments())
                    .extracting(
                            EdxmlAttachment::contentId,
                            a -> a.name().value(),
                            EdxmlAttachment::contentType,
                            EdxmlAttachment::description)
                    .containsExactly(
                            tuple("1", "12-UBND-VP.pdf", "application/pdf", "Tệp 12-UBND-VP.pdf"),
                            tuple(
                                    "phu-luc",
                                    "Phụ lục số liệu.xlsx",
                                    "application/vnd.ms-excel",
                                    "Tệp Phụ lục số liệu.xlsx"));
            try (InputStream first = read.attachments().get(0).open();
                    InputStream second = read.attachments().get(1).open()) {
                assertThat(first.readAllBytes()).isEqualTo(pdf);
                assertThat(second.readAllBytes()).isEqualTo(sheet);
            }
        }
    }

    @Test
    void theRoundTripPackagesFillEveryFieldSoThatNoneGoesUncompared() {
        List<EdxmlAttachment> files = List.of(anAttachment("1", "a.pdf", "application/pdf", new byte[] {1}));

        assertThat(emptyFields(aReplacement(files), "document")).isEmpty();
        assertThat(emptyFields(aStatusRegistered(), "status")).isEmpty();
    }

    /**
     * The fields of a record, at any depth, left null, empty or zero: a field the writer forgot would read back as
     * such and compare equal, so the packages above leave none of them.
     */
    private static List<String> emptyFields(Object value, String path) {
        List<String> empty = new java.util.ArrayList<>();
        if (value == null
                || "".equals(value)
                || Integer.valueOf(0).equals(value)
                || (value instanceof java.util.Collection<?> c && c.isEmpty())) {
            empty.add(path);
        } else if (value instanceof java.util.Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                empty.addAll(emptyFields(element, path + "[" + i++ + "]"));
            }
        } else if (value.getClass().isRecord() && !(value instanceof EdxmlAttachment)) {
            for (java.lang.reflect.RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    empty.addAll(emptyFields(component.getAccessor().invoke(value), path + "." + component.getName()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return empty;
    }

    @Test
    void aStatusIsReadBackAsWritten() {
        try (EdxmlPackage read =
                edxml.read(new ByteArrayInputStream(written(edxml, EdxmlPackage.ofStatus(aStatusRegistered()))))) {
            assertThat(read.status()).isEqualTo(aStatusRegistered());
            assertThat(read.document()).isNull();
        }
    }

    @Test
    void aTwentyMegabyteAttachmentStreamsThroughWithTheSameContent(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("scan.pdf");
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(20);
        try (OutputStream out = Files.newOutputStream(original)) {
            for (int i = 0; i < 20; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        EdxmlAttachment scan = new EdxmlAttachment(
                "scan",
                SafeFileName.of("scan.pdf"),
                "application/pdf",
                "Bản quét",
                () -> Files.newInputStream(original));
        Path edxmlFile = dir.resolve("package.edxml");
        try (OutputStream out = Files.newOutputStream(edxmlFile)) {
            edxml.write(EdxmlPackage.ofDocument(aReplacement(List.of(scan)), List.of(scan)), out);
        }

        try (InputStream in = Files.newInputStream(edxmlFile);
                EdxmlPackage read = edxml.read(in)) {
            assertThat(EdxmlConformanceTests.sizeAndSha256(read.attachments().get(0)))
                    .isEqualTo(EdxmlConformanceTests.sizeAndSha256(scan));
        }
    }

    @Test
    void theWrittenFormIsTheCanonicalOneOfQcvn102() {
        EdxmlDocument document = new EdxmlDocument(
                aReplyHeader(""), List.of(), null, List.of(new Reference("1", "application/pdf", "a.pdf", "")));
        EdxmlAttachment file = anAttachment("1", "a.pdf", "application/pdf", new byte[] {1, 2, 3});

        String xml =
                new String(written(edxml, EdxmlPackage.ofDocument(document, List.of(file))), StandardCharsets.UTF_8);

        assertThat(xml)
                .contains("<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">")
                .contains("<edXML:DocumentId>000.00.00.H10,2026/03/05,12/UBND-VP</edXML:DocumentId>")
                .contains("<edXML:PromulgationDate>2026/03/05</edXML:PromulgationDate>")
                .contains("<edXML:Code>7816/VPCP-TTĐT</edXML:Code>")
                .contains("<edXML:ContentId>cid:1</edXML:ContentId>")
                .contains("<edXML:ContentTransferEncoded>AQID\n</edXML:ContentTransferEncoded>")
                .contains("&lt;đã kết nối&gt; &amp; vận hành");
        assertThat(xml.indexOf("<edXML:From>")).isLessThan(xml.indexOf("<edXML:To>"));
        assertThat(xml.indexOf("<edXML:Code>")).isLessThan(xml.indexOf("<edXML:PromulgationInfo>"));
        assertThat(xml.indexOf("<edXML:edXMLManifest version=\"1.0\">"))
                .isLessThan(xml.indexOf("</edXML:edXMLEnvelope>"));
        assertThat(xml.indexOf("<edXML:AttachmentEncoded>")).isGreaterThan(xml.indexOf("</edXML:edXMLEnvelope>"));
    }
}
