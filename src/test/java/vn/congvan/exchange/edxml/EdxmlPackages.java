package vn.congvan.exchange.edxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.congvan.storage.SafeFileName;

/** Packages of our own for the tests: a reply of a provincial committee to the Government Office, and its status. */
public final class EdxmlPackages {

    static final Organisation COMMITTEE = new Organisation(
            "000.00.00.H10",
            "Ủy ban nhân dân tỉnh",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Số 1 đường Trần Hưng Đạo",
            "vanthu@tinh.gov.vn",
            "0200 3812345",
            "0200 3812346",
            "https://tinh.gov.vn");
    static final Organisation GOVERNMENT_OFFICE = new Organisation(
            "000.00.00.G22",
            "Chính phủ",
            "Văn phòng Chính phủ",
            "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội",
            "vpcp@chinhphu.vn",
            "024 3845 4567",
            "024 3845 4568",
            "https://vpcp.chinhphu.vn");
    static final Organisation DEPARTMENT = new Organisation(
            "000.00.11.H10",
            "Ủy ban nhân dân tỉnh",
            "Sở Tài chính",
            "Số 5 đường Lê Lợi",
            "stc@tinh.gov.vn",
            "0200 3812000",
            "0200 3812001",
            "https://stc.tinh.gov.vn");
    static final StaffInfo CLERK = new StaffInfo("Văn thư", "Lê Thị Hoa", "0912345678", "hoa@tinh.gov.vn");
    static final ResponseFor GOVERNMENT_LETTER = new ResponseFor(
            "000.00.00.G22",
            new DocumentCode("7816", "VPCP-TTĐT"),
            LocalDate.of(2026, 2, 20),
            "000.00.00.G22,2026/02/20,7816/VPCP-TTĐT");

    private EdxmlPackages() {}

    static MessageHeader aReplyHeader(String documentId) {
        return new MessageHeader(
                COMMITTEE,
                List.of(GOVERNMENT_OFFICE, DEPARTMENT),
                documentId,
                new DocumentCode("12", "UBND-VP"),
                "Thành phố Đông Hà",
                LocalDate.of(2026, 3, 5),
                new DocumentKind(1, 2, "Công văn"),
                "V/v báo cáo kết nối liên thông văn bản",
                "Ủy ban nhân dân tỉnh báo cáo như sau: <đã kết nối> & vận hành.",
                new SignerInfo("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn An"),
                LocalDate.of(2026, 3, 31),
                List.of("Như trên", "Lưu: VT"),
                new OtherInfo(2, "Liên thông văn bản quốc gia", "NVA", 3, 4, List.of("Phụ lục I", "Phụ lục II")),
                3,
                GOVERNMENT_LETTER);
    }

    public static EdxmlDocument aReplacement(List<EdxmlAttachment> attachments) {
        Business business = new Business(
                BusinessDocType.REPLACE,
                "Thay thế văn bản ban hành nhầm",
                "000.00.00.H10,2026/03/05,12/UBND-VP",
                true,
                "1",
                "1",
                List.of(
                        new Receiver("000.00.12.H10", ReceiverType.REMOVED),
                        new Receiver("000.00.11.H10", ReceiverType.ADDED)),
                List.of(new Replacement(
                        "000.00.00.H10,2026/03/01,10/UBND-VP", List.of("000.00.00.G22", "000.00.12.H10"))),
                CLERK);
        return new EdxmlDocument(
                aReplyHeader("000.00.00.H10,2026/03/05,12/UBND-VP"),
                List.of(new TraceHeader("000.00.00.H10", LocalDateTime.of(2026, 3, 5, 8, 30, 15))),
                business,
                attachments.stream().map(Reference::of).toList());
    }

    static EdxmlStatus aStatusRegistered() {
        return new EdxmlStatus(
                GOVERNMENT_LETTER,
                COMMITTEE,
                "03",
                "Đã vào sổ văn bản đến",
                LocalDateTime.of(2026, 2, 21, 14, 5, 0),
                CLERK);
    }

    /** The same document addressed to one organ only, e.g. the unit a test imports it for. */
    public static EdxmlDocument addressedTo(EdxmlDocument document, String organId) {
        MessageHeader h = document.header();
        Organisation to = new Organisation(organId, "Ủy ban nhân dân tỉnh", "Đơn vị nhận", "", "", "", "", "");
        return new EdxmlDocument(
                new MessageHeader(
                        h.from(),
                        List.of(to),
                        h.documentId(),
                        h.code(),
                        h.promulgationPlace(),
                        h.promulgationDate(),
                        h.documentType(),
                        h.subject(),
                        h.content(),
                        h.signerInfo(),
                        h.dueDate(),
                        h.toPlaces(),
                        h.otherInfo(),
                        h.steeringType(),
                        h.responseFor()),
                document.traces(),
                document.business(),
                document.manifest());
    }

    public static EdxmlAttachment anAttachment(String contentId, String name, String contentType, byte[] bytes) {
        return new EdxmlAttachment(
                contentId, SafeFileName.of(name), contentType, "Tệp " + name, () -> new ByteArrayInputStream(bytes));
    }

    public static byte[] written(Edxml edxml, EdxmlPackage edxmlPackage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        edxml.write(edxmlPackage, out);
        return out.toByteArray();
    }

    static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
