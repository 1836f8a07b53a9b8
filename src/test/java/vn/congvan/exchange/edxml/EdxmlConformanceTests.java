package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packages another vendor's software wrote for QCVN 102:2016, read field by field. */
class EdxmlConformanceTests {

    static final Path CONFORMANCE = Conformance.edxml();

    /** SHA-256 of the one file inside the zipped attachment of both document packages. */
    static final String ZIPPED_FILE_SHA256 = "8385739ec4a4ed36d71eabcaead629641ffc5ffff3d487ff5c34d2f821c9f36e";

    private final Edxml edxml = new Edxml(ExchangeProperties.defaults());

    @Test
    void aNewDocumentFromADepartmentToTheProvincialPartyOfficeIsReadFieldByField() throws Exception {
        try (EdxmlPackage read = read("third-party-edoc_new.edxml")) {
            assertThat(read.status()).isNull();
            EdxmlDocument document = read.document();
            assertThat(document).isNotNull();
            MessageHeader header = document.header();
            assertThat(header.from())
                    .isEqualTo(new Organisation(
                            "000.00.11.H53", "Tỉnh Tây Ninh", "Sở Tính", "", "stc@tayninh.gov.vn", "", "", ""));
            assertThat(header.to())
                    .containsExactly(new Organisation(
                            "000.00.01.A53",
                            "Tỉnh Tây Ninh",
                            "Văn phòng tỉnh ủy",
                            "Tỉnh Tây Ninh",
                            "vptu@tayninh.gov.vn",
                            "",
                            "",
                            ""));
            assertThat(header.documentId()).isEqualTo("000.00.11.H53,2020/10/30,2491/STC-BCTC");
            assertThat(header.code()).isEqualTo(new DocumentCode("2491", "STC-BCTC"));
            assertThat(header.promulgationPlace()).isEqualTo("Tây Ninh");
            assertThat(header.promulgationDate()).isEqualTo(LocalDate.of(2020, 10, 30));
            assertThat(header.documentType()).isEqualTo(new DocumentKind(1, 0, "Công văn"));
            assertThat(header.subject()).isEqualTo("Báo cáo tài chính tỉnh");
            assertThat(header.content()).isEqualTo("Báo cáo tài chính tỉnh");
            assertThat(header.signerInfo()).isEqualTo(SignerInfo.NONE);
            assertThat(header.dueDate()).isNull();
            assertThat(header.otherInfo()).isEqualTo(new OtherInfo(0, "Liên thông văn bản", "", 2, 22, List.of()));
            assertTheVendorsRouting(document);
            assertThat(document.business())
                    .isEqualTo(new Business(
                            BusinessDocType.NEW,
                            "Văn bản điện tử mới",
                            "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
                            false,
                            "",
                            "",
                            List.of(),
                            List.of(),
                            clerk()));
            assertTheZippedFile(read, "32da2890-1a55-4ccd-9ac9-cd0d98559e67.edxml");
        }
    }

    @Test
    void anUpdateFromTheGovernmentOfficeToThreeAgenciesCarriesTheReceiversRemovedAndAdded() throws Exception {
        try (EdxmlPackage read = read("third-party-edoc_update.edxml")) {
            EdxmlDocument document = read.document();
            assertThat(document).isNotNull();
            MessageHeader header = document.header();
            assertThat(header.from()).isEqualTo(governmentOffice());
            assertThat(header.to())
                    .containsExactly(
                            new Organisation(
                                    "000.00.00.H53",
                                    "UBND Tỉnh Nghệ An",
                                    "UBND Tỉnh Nghệ An",
                                    "Số 03, đường Trường Thi, Thành phố Vinh, Tỉnh Nghệ An, Việt Nam",
                                    "nghean@gov.vn",
                                    "0383 840418",
                                    "0383 843049",
                                    "www.nghean.vn"),
                            new Organisation(
                                    "000.00.12.H53",
                                    "UBND Tỉnh Cao Bằng",
                                    "UBND Tỉnh Cao Bằng",
                                    "Số 011 - Đường Hoàng Đình Giong - Thành Phố Cao Bằng, Tỉnh Cao Bằng",
                                    "caobang@gov.vn",
                                    "02063852139",
                                    "0202183239",
                                    "www.caobang.gov.vn"),
                            new Organisation(
                                    "000.00.00.G17",
                                    "Sở Thông tin truyền thông Hải Phòng",
                                    "Sở Thông tin truyền thông Hải Phòng",
                                    "số 62 - Võ Thị Sáu - Ngô Quyền - Hải Phòng",
                                    "bxd@moc.gov.vn",
                                    "(84-4) 3821 5137",
                                    "(023)37366617",
                                    "www.haiphong.gov.vn"));
            assertThat(header.documentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
            assertThat(header.code()).isEqualTo(new DocumentCode("7816", "VPCP-TTĐT"));
            assertThat(header.promulgationPlace()).isEqualTo("Hà Nội");
            assertThat(header.promulgationDate()).isEqualTo(LocalDate.of(2018, 9, 28));
            assertThat(header.documentType()).isEqualTo(new DocumentKind(1, 0, "Công văn"));
            assertThat(header.subject()).isEqualTo("V/v kết nối, liên thông phần mềm quản lý văn bản");
            assertThat(header.content()).isEqualTo("V/v kết nối, liên thông phần mềm quản lý văn bản");
            assertThat(header.signerInfo())
                    .isEqualTo(new SignerInfo(
                            "TL. BO TRUONG", "Cuc truong cuc ung dung cong nghe thong tin", "Nguyen Thanh Phuc"));
            assertThat(header.dueDate()).isEqualTo(LocalDate.of(2018, 9, 28));
            assertThat(header.otherInfo())
                    .isEqualTo(new OtherInfo(
                            0,
                            "Liên thông văn bản quốc gia",
                            "TVC",
                            2,
                            22,
                            List.of("Công văn về việc kết nối, liên thông phần mềm quản lý văn bản")));
            assertTheVendorsRouting(document);
            assertThat(document.business())
                    .isEqualTo(new Business(
                            BusinessDocType.UPDATE,
                            "Cập nhật văn bản điện tử",
                            "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
                            false,
                            "1",
                            "1",
                            List.of(
                                    new Receiver("000.00.00.H41", ReceiverType.REMOVED),
                                    new Receiver("000.00.00.H14", ReceiverType.ADDED)),
                            List.of(),
                            clerk()));
            assertTheZippedFile(read, "3ed3cc90-1dcb-4382-9725-1de9cd899790.edxml");
        }
    }

    @Test
    void aStatusBeingHandledWithItsFieldsDirectlyInTheMessageHeaderIsReadFieldByField() throws Exception {
        try (EdxmlPackage read = read("third-party-status_processing_05.edxml")) {
            assertThat(read.document()).isNull();
            assertThat(read.attachments()).isEmpty();
            assertThat(read.status())
                    .isEqualTo(new EdxmlStatus(
                            new ResponseFor(
                                    "000.00.00.G22",
                                    new DocumentCode("7816", "VPCP-TTĐT"),
                                    LocalDate.of(2015, 9, 30),
                                    "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"),
                            new Organisation(
                                    "000.00.00.H41",
                                    "UBND Tỉnh Nghệ An",
                                    "UBND Tỉnh Nghệ An",
                                    "Số 03, đường Trường Thi, Thành phố Vinh, Tỉnh Nghệ An, Việt Nam",
                                    "nghean@gov.vn",
                                    "0383 840418",
                                    "0383 843049",
                                    "www.nghean.vn"),
                            "05",
                            "Đang xử lý văn bản đến",
                            LocalDateTime.of(2015, 9, 20, 11, 8, 36),
                            new StaffInfo(
                                    "Phong hanh chinh", "Nguyen thi ngoc tram", "84912000001", "ngoctram@nghean.vn")));
        }
    }

    @Test
    void theTemporaryFilesOfTheAttachmentsAreGoneOnceThePackageIsClosed() throws Exception {
        EdxmlPackage read = read("third-party-edoc_new.edxml");
        EdxmlAttachment attachment = read.attachments().get(0);
        try (InputStream in = attachment.open()) {
            assertThat(in.read()).isNotNegative();
        }

        read.close();

        assertThatThrownBy(attachment::open).isInstanceOf(IOException.class);
    }

    /** Both document packages are routed alike: no directive, the same places, one hop through the Government Office. */
    private static void assertTheVendorsRouting(EdxmlDocument document) {
        MessageHeader header = document.header();
        assertThat(header.steeringType()).isEqualTo(1);
        assertThat(header.toPlaces()).containsExactly("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP");
        assertThat(header.responseFor()).isNull();
        assertThat(document.traces())
                .containsExactly(new TraceHeader("000.00.00.G22", LocalDateTime.of(2018, 9, 28, 0, 0)));
    }

    /** The zip holds another edXML file, not the .doc its manifest names. */
    private static void assertTheZippedFile(EdxmlPackage read, String name) throws Exception {
        assertThat(read.document().manifest())
                .containsExactly(new Reference(
                        "209", "application/zip", "1896_QD-TTg_m_294779.doc", "1896_QD-TTg_m_294779.doc"));
        assertThat(read.attachments()).hasSize(1);
        EdxmlAttachment file = read.attachments().get(0);
        assertThat(file.contentId()).isEqualTo("209");
        assertThat(file.name().value()).isEqualTo(name);
        assertThat(file.description()).isEqualTo("1896_QD-TTg_m_294779.doc");
        assertThat(sizeAndSha256(file)).isEqualTo("388347 " + ZIPPED_FILE_SHA256);
    }

    static String sizeAndSha256(EdxmlAttachment file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream in = new DigestInputStream(file.open(), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return size + " " + HexFormat.of().formatHex(sha256.digest());
    }

    private static StaffInfo clerk() {
        return new StaffInfo("Văn thư văn phòng", "Nguyễn Thị Ngọc Trâm", "84912000001", "vanthuvanphong@gov.vn");
    }

    private static Organisation governmentOffice() {
        return new Organisation(
                "000.00.00.G22",
                "Văn phòng Chính phủ",
                "Văn phòng Chính phủ",
                "Số 1 Hoàng Hoa Thám, Quận Ba Đình, Hà Nội",
                "vpcp@gov.vn",
                "8043100",
                "048989898789",
                "vpcp.vn");
    }

    private EdxmlPackage read(String file) throws IOException {
        try (InputStream in = Files.newInputStream(CONFORMANCE.resolve(file))) {
            return edxml.read(in);
        }
    }
}
