package vn.congvan.exchange.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import vn.congvan.exchange.edxml.Business;
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.DocumentCode;
import vn.congvan.exchange.edxml.DocumentKind;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.edxml.OtherInfo;
import vn.congvan.exchange.edxml.Reference;
import vn.congvan.exchange.edxml.ResponseFor;
import vn.congvan.exchange.edxml.SignerInfo;
import vn.congvan.exchange.edxml.TraceHeader;
import vn.congvan.storage.SafeFileName;

/** edXML packages of the axis tests, written by the product's own writer. */
public final class AxisPackages {

    private final Edxml edxml;

    public AxisPackages(Edxml edxml) {
        this.edxml = edxml;
    }

    /** A fresh organId of the legacy form, unlikely to meet another test's. */
    public static String anOrganId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(
                "%03d.%02d.%02d.X%02d",
                random.nextInt(1000), random.nextInt(100), random.nextInt(100), random.nextInt(100));
    }

    /** The DocumentId of document number {@code number}/QĐ-UBND issued by {@code from} on 1 December 2026. */
    public static String documentIdOf(String from, int number) {
        return MessageHeader.documentIdOf(from, LocalDate.of(2026, 12, 1), code(number));
    }

    /** A new document from {@code from} to {@code to} with one attachment of the given bytes. */
    public byte[] aDocument(String from, List<String> to, int number, byte[] attachment) {
        EdxmlAttachment file = new EdxmlAttachment(
                "f1",
                SafeFileName.of("quyet-dinh.pdf"),
                "application/pdf",
                "Văn bản",
                () -> new ByteArrayInputStream(attachment));
        String documentId = documentIdOf(from, number);
        MessageHeader header = new MessageHeader(
                Organisation.of(from, "Sở " + from),
                to.stream().map(id -> Organisation.of(id, "Cơ quan " + id)).toList(),
                documentId,
                code(number),
                "Bắc Giang",
                LocalDate.of(2026, 12, 1),
                new DocumentKind(1, 0, "Quyết định"),
                "Về việc thử liên thông " + number,
                "Nội dung",
                new SignerInfo("KT. GIÁM ĐỐC", "Phó Giám đốc", "Nguyễn Văn An"),
                null,
                List.of(),
                OtherInfo.NONE,
                1,
                null);
        Business business =
                new Business(BusinessDocType.NEW, "", documentId, false, "", "", List.of(), List.of(), null);
        EdxmlDocument document = new EdxmlDocument(
                header, List.of(new TraceHeader(from, LocalDateTime.now())), business, List.of(Reference.of(file)));
        return written(EdxmlPackage.ofDocument(document, List.of(file)));
    }

    /** A status {@code code} sent by {@code from} about the document {@code documentId} of {@code sender}. */
    public byte[] aStatus(String from, String sender, String documentId, String code) {
        EdxmlStatus status = new EdxmlStatus(
                new ResponseFor(sender, DocumentCode.NONE, null, documentId),
                Organisation.of(from, "Cơ quan " + from),
                code,
                "Đã tiếp nhận",
                LocalDateTime.now(),
                null);
        return written(EdxmlPackage.ofStatus(status));
    }

    private byte[] written(EdxmlPackage p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        edxml.write(p, out);
        return out.toByteArray();
    }

    private static DocumentCode code(int number) {
        return new DocumentCode(String.format("%02d", number), "QĐ-UBND");
    }
}
