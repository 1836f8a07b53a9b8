package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.congvan.exchange.edxml.EdxmlPackages.aReplacement;
import static vn.congvan.exchange.edxml.EdxmlPackages.anAttachment;
import static vn.congvan.exchange.edxml.EdxmlPackages.utf8;
import static vn.congvan.exchange.edxml.EdxmlPackages.written;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What other producers write differently from QCVN 102:2016 is read all the same. */
class EdxmlLenientReadingTests {

    private final Edxml edxml = new Edxml(ExchangeProperties.defaults());

    @Test
    void aPackageWithoutNamespaceInAnotherOrderWithForeignElementsAndIsoDatesIsRead() throws Exception {
        String xml = """
                <edXML>
                  <AttachmentEncoded>
                    <Attachment>
                      <ContentTransferEncoded>
                        xJDDonkgbMOgIGPDtG5nIHbEg24=
                      </ContentTransferEncoded>
                      <ContentType>text/plain</ContentType>
                      <AttachmentName>../../etc/cong-van.txt</AttachmentName>
                      <ContentId>cid:van-ban</ContentId>
                    </Attachment>
                  </AttachmentEncoded>
                  <edXMLEnvelope>
                    <edXMLBody><edXMLManifest><Reference><Description>Công văn</Description>
                      <ContentId>van-ban</ContentId></Reference></edXMLManifest></edXMLBody>
                    <edXMLHeader>
                      <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>
                        <ds:Subject>not the subject</ds:Subject></ds:SignedInfo></ds:Signature>
                      <TraceHeaderList>
                        <Business>
                          <StaffInfo><Staff>Lê Văn Bình</Staff></StaffInfo>
                          <BusinessDocReason>Thu hồi</BusinessDocReason>
                          <BusinessDocType>1</BusinessDocType>
                        </Business>
                        <TraceHeader><Timestamp>2026-03-05T08:30:00+07:00</Timestamp><OrganId>000.00.00.H10</OrganId></TraceHeader>
                      </TraceHeaderList>
                      <MessageHeader>
                        <Subject>Thu hồi công văn</Subject>
                        <Extension><Subject>not the subject</Subject></Extension>
                        <DueDate>2026-03-31</DueDate>
                        <PromulgationInfo><PromulgationDate>05/03/2026 08:00</PromulgationDate></PromulgationInfo>
                        <Code><CodeNotation>UBND-VP</CodeNotation><CodeNumber>12</CodeNumber></Code>
                        <From><OrganName>UBND tỉnh</OrganName><OrganInCharge>Tỉnh Quảng Trị</OrganInCharge>
                          <OrganId>000.00.00.H10</OrganId></From>
                      </MessageHeader>
                    </edXMLHeader>
                  </edXMLEnvelope>
                </edXML>
                """;

        try (EdxmlPackage read = edxml.read(utf8(xml))) {
            EdxmlDocument document = read.document();
            assertThat(document).isNotNull();
            MessageHeader header = document.header();
            assertThat(header.subject()).isEqualTo("Thu hồi công văn");
            assertThat(header.code()).isEqualTo(new DocumentCode("12", "UBND-VP"));
            assertThat(header.promulgationDate()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(header.dueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(header.from())
                    .isEqualTo(new Organisation("000.00.00.H10", "Tỉnh Quảng Trị", "UBND tỉnh", "", "", "", "", ""));
            assertThat(header.to()).isEmpty();
            assertThat(document.traces())
                    .containsExactly(new TraceHeader("000.00.00.H10", LocalDateTime.of(2026, 3, 5, 8, 30)));
            assertThat(document.business())
                    .isEqualTo(new Business(
                            BusinessDocType.REVOKE,
                            "Thu hồi",
                            "",
                            false,
                            "",
                            "",
                            List.of(),
                            List.of(),
                            new StaffInfo("", "Lê Văn Bình", "", "")));
            assertThat(document.manifest()).containsExactly(new Reference("van-ban", "", "", "Công văn"));
            EdxmlAttachment file = read.attachments().get(0);
            assertThat(file.contentId()).isEqualTo("van-ban");
            assertThat(file.name().value()).isEqualTo("cong-van.txt");
            assertThat(file.contentType()).isEqualTo("text/plain");
            assertThat(file.description()).isEqualTo("Công văn");
            try (InputStream in = file.open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("Đây là công văn");
            }
        }
    }

    @Test
    void aStatusWithItsFieldsInAStatusElementAndACodeInTwoPartsIsRead() {
        String xml = """
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope>
                  <edXML:edXMLHeader><edXML:MessageHeader>
                    <edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>
                    <edXML:Status>
                      <edXML:Timestamp>20/02/2026 09:15:00</edXML:Timestamp>
                      <edXML:StatusCode>02</edXML:StatusCode>
                      <edXML:Description>Từ chối: gửi nhầm đơn vị</edXML:Description>
                      <edXML:ResponseFor><edXML:OrganId>000.00.00.H10</edXML:OrganId>
                        <edXML:Code><edXML:CodeNumber>12</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
                        <edXML:PromulgationDate>2026/02/19</edXML:PromulgationDate></edXML:ResponseFor>
                    </edXML:Status>
                  </edXML:MessageHeader></edXML:edXMLHeader>
                </edXML:edXMLEnvelope></edXML:edXML>
                """;

        try (EdxmlPackage read = edxml.read(utf8(xml))) {
            assertThat(read.status())
                    .isEqualTo(new EdxmlStatus(
                            new ResponseFor(
                                    "000.00.00.H10", new DocumentCode("12", "UBND-VP"), LocalDate.of(2026, 2, 19), ""),
                            new Organisation("000.00.00.G22", "", "", "", "", "", "", ""),
                            "02",
                            "Từ chối: gửi nhầm đơn vị",
                            LocalDateTime.of(2026, 2, 20, 9, 15),
                            null));
        }
    }

    @Test
    void aTimeAfterFiveInTheEveningUtcIsTheNextDayInVietnam() {
        String xml = """
                <edXML><edXMLEnvelope><edXMLHeader>
                  <MessageHeader>
                    <From><OrganId>000.00.00.G22</OrganId></From>
                    <Subject>Công văn ký lúc tối</Subject>
                    <PromulgationInfo><PromulgationDate>2026-03-05T20:30Z</PromulgationDate></PromulgationInfo>
                    <DueDate>2026-03-31T17:00:00.000+00:00</DueDate>
                  </MessageHeader>
                  <TraceHeaderList>
                    <TraceHeader><OrganId>000.00.00.G22</OrganId><Timestamp>2026-03-05T23:59:59-05:00</Timestamp></TraceHeader>
                    <TraceHeader><OrganId>000.00.00.H10</OrganId><Timestamp>2026-03-06T09:00:00</Timestamp></TraceHeader>
                  </TraceHeaderList>
                </edXMLHeader></edXMLEnvelope></edXML>
                """;

        try (EdxmlPackage read = edxml.read(utf8(xml))) {
            MessageHeader header = read.document().header();
            assertThat(header.promulgationDate()).isEqualTo(LocalDate.of(2026, 3, 6));
            assertThat(header.dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(read.document().traces())
                    .containsExactly(
                            new TraceHeader("000.00.00.G22", LocalDateTime.of(2026, 3, 6, 11, 59, 59)),
                            new TraceHeader("000.00.00.H10", LocalDateTime.of(2026, 3, 6, 9, 0)));
        }
    }

    @Test
    void aStatusStampedInUtcIsReadInVietnamsTime() {
        String xml = """
                <edXML><edXMLEnvelope><edXMLHeader><MessageHeader>
                  <From><OrganId>000.00.00.G22</OrganId></From>
                  <ResponseFor><OrganId>000.00.00.H10</OrganId><PromulgationDate>2026-02-19Z</PromulgationDate></ResponseFor>
                  <StatusCode>03</StatusCode>
                  <Timestamp>2026-02-20T18:15:00Z</Timestamp>
                </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>
                """;

        try (EdxmlPackage read = edxml.read(utf8(xml))) {
            assertThat(read.status().timestamp()).isEqualTo(LocalDateTime.of(2026, 2, 21, 1, 15));
            assertThat(read.status().responseFor().promulgationDate()).isEqualTo(LocalDate.of(2026, 2, 19));
        }
    }

    @Test
    void theFilesOfAZippedAttachmentBecomeTheAttachmentsUnderSafeNamesAndItsFoldersAreSkipped() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("ho-so/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("../../etc/cron.d/bao-cao.pdf"));
            out.write("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("ho-so\\.phu-luc.xlsx"));
            out.write(new byte[] {1, 2});
            out.closeEntry();
        }
        List<EdxmlAttachment> files =
                List.of(anAttachment("1", "ho-so.zip", "application/octet-stream", zip.toByteArray()));
        byte[] sent = written(edxml, EdxmlPackage.ofDocument(aReplacement(files), files));

        try (EdxmlPackage read = edxml.read(new ByteArrayInputStream(sent))) {
            assertThat(read.attachments())
                    .extracting(a -> a.name().value(), EdxmlAttachment::contentType, EdxmlAttachment::contentId)
                    .containsExactly(
                            tuple("bao-cao.pdf", "application/pdf", "1"),
                            tuple(
                                    "phu-luc.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    "1"));
            try (InputStream pdf = read.attachments().get(0).open()) {
                assertThat(pdf.readAllBytes()).isEqualTo("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
