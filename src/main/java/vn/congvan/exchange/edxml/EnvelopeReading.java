package vn.congvan.exchange.edxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The model of an envelope read into elements, as leniently as producers need. */
final class EnvelopeReading {

    private static final XmlElement NOTHING = new XmlElement("");
    private static final int DOCUMENT_ID = 200;
    private static final int ORGAN_ID = 35;
    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");

    private final XmlElement envelope;

    EnvelopeReading(XmlElement envelope) {
        this.envelope = envelope;
    }

    /** The package the envelope describes, without its attachments. */
    EdxmlPackage toPackage() {
        XmlElement header = envelope.find("MessageHeader");
        if (header == null) {
            throw Refusals.malformed("MessageHeader");
        }
        XmlElement status = header.child("Status");
        if (status != null || header.child("StatusCode") != null) {
            return EdxmlPackage.ofStatus(status(status == null ? header : status, header));
        }
        return EdxmlPackage.ofDocument(document(header), List.of());
    }

    /** A content id without its "cid:" prefix or angle brackets. */
    static String contentId(String raw) {
        String id = raw.strip();
        if (id.toLowerCase(Locale.ROOT).startsWith("cid:")) {
            id = id.substring(4);
        }
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.strip();
    }

    private EdxmlStatus status(XmlElement fields, XmlElement header) {
        XmlElement responseFor = either(fields, header, "ResponseFor");
        XmlElement from = either(fields, header, "From");
        XmlElement staff = either(fields, header, "StaffInfo");
        String code = fields.text("StatusCode");
        if (!EdxmlStatus.QCVN_102_CODES.contains(code)) {
            throw Refusals.statusCode(code);
        }
        return new EdxmlStatus(
                responseFor(responseFor == null ? NOTHING : responseFor),
                organisation(from == null ? NOTHING : from),
                code,
                bounded(fields, 500, "Description"),
                EdxmlDates.timestamp(fields.text("Timestamp")),
                staff == null ? null : staffInfo(staff));
    }

    private static @Nullable XmlElement either(XmlElement first, XmlElement second, String name) {
        XmlElement found = first.child(name);
        return found == null ? second.child(name) : found;
    }

    private EdxmlDocument document(XmlElement header) {
        XmlElement traceList = envelope.find("TraceHeaderList");
        List<TraceHeader> traces = new ArrayList<>();
        Business business = null;
        if (traceList != null) {
            for (XmlElement trace : traceList.children("TraceHeader")) {
                traces.add(new TraceHeader(
                        bounded(trace, ORGAN_ID, "OrganId"), EdxmlDates.timestamp(trace.text("Timestamp"))));
            }
            XmlElement found = traceList.child("Bussiness", "Business");
            business = found == null ? null : business(found);
        }
        List<Reference> manifest = new ArrayList<>();
        XmlElement manifestElement = envelope.find("edXMLManifest");
        if (manifestElement != null) {
            for (XmlElement reference : manifestElement.children("Reference")) {
                manifest.add(new Reference(
                        contentId(reference.text("ContentId")),
                        reference.text("ContentType"),
                        reference.text("AttachmentName"),
                        reference.text("Description")));
            }
        }
        return new EdxmlDocument(messageHeader(header), traces, business, manifest);
    }

    private MessageHeader messageHeader(XmlElement header) {
        XmlElement code = orNothing(header.child("Code"));
        XmlElement promulgation = orNothing(header.child("PromulgationInfo"));
        XmlElement type = orNothing(header.child("DocumentType"));
        XmlElement signer = orNothing(header.child("SignerInfo"));
        XmlElement other = orNothing(header.child("OtherInfo"));
        XmlElement responseFor = header.child("ResponseFor");
        List<Organisation> to = new ArrayList<>();
        for (XmlElement recipient : header.children("To")) {
            to.add(organisation(recipient));
        }
        return new MessageHeader(
                organisation(orNothing(header.child("From"))),
                to,
                bounded(header, DOCUMENT_ID, "DocumentId"),
                new DocumentCode(bounded(code, 11, "CodeNumber"), bounded(code, 30, "CodeNotation")),
                promulgation.text("Place"),
                EdxmlDates.day(promulgation.text("PromulgationDate")),
                new DocumentKind(
                        number(type.text("Type")), number(type.text("TypeDetail")), bounded(type, 100, "TypeName")),
                bounded(header, 500, "Subject"),
                header.text("Content"),
                new SignerInfo(
                        signer.text("Competence"), bounded(signer, 100, "Position"), bounded(signer, 50, "FullName")),
                EdxmlDates.day(header.text("DueDate")),
                orNothing(header.child("ToPlaces")).texts("Place"),
                new OtherInfo(
                        number(other.text("Priority")),
                        other.text("SphereOfPromulgation"),
                        other.text("TyperNotation"),
                        number(other.text("PromulgationAmount")),
                        number(other.text("PageAmount")),
                        nonEmpty(orNothing(other.child("Appendixes")).texts("Appendix"))),
                number(header.text("SteeringType")),
                responseFor == null ? null : responseFor(responseFor));
    }

    private static Organisation organisation(XmlElement organ) {
        return new Organisation(
                bounded(organ, ORGAN_ID, "OrganId"),
                organ.text("OrganizationInCharge", "OrganInCharge"),
                bounded(organ, 200, "OrganName"),
                organ.text("OrganAdd"),
                organ.text("Email"),
                organ.text("Telephone"),
                organ.text("Fax"),
                organ.text("Website"));
    }

    /** The document answered; its code as CodeNumber/CodeNotation or in one string "7816/VPCP-TTĐT". */
    private static ResponseFor responseFor(XmlElement response) {
        XmlElement code = orNothing(response.child("Code"));
        DocumentCode documentCode = code.child("CodeNumber") != null
                ? new DocumentCode(code.text("CodeNumber"), code.text("CodeNotation"))
                : DocumentCode.parse(code.text());
        return new ResponseFor(
                bounded(response, ORGAN_ID, "OrganId"),
                documentCode,
                EdxmlDates.day(response.text("PromulgationDate")),
                bounded(response, DOCUMENT_ID, "DocumentId"));
    }

    private static Business business(XmlElement business) {
        int code = number(business.text("BussinessDocType", "BusinessDocType"));
        BusinessDocType docType =
                BusinessDocType.ofCode(code).orElseThrow(() -> Refusals.malformed("BussinessDocType " + code));
        XmlElement info = orNothing(business.child("BussinessDocumentInfo", "BusinessDocumentInfo"));
        List<Receiver> receivers = new ArrayList<>();
        for (XmlElement receiver : orNothing(info.child("ReceiverList")).children("Receiver")) {
            int type = number(receiver.text("ReceiverType"));
            receivers.add(new Receiver(
                    bounded(receiver, ORGAN_ID, "OrganId"),
                    ReceiverType.ofCode(type).orElseThrow(() -> Refusals.malformed("ReceiverType " + type))));
        }
        List<Replacement> replacements = new ArrayList<>();
        for (XmlElement replacement :
                orNothing(business.child("ReplacementInfoList")).children("ReplacementInfo")) {
            replacements.add(new Replacement(replacement.text("DocumentId"), replacement.texts("OrganId")));
        }
        XmlElement staff = business.child("StaffInfo");
        return new Business(
                docType,
                business.text("BussinessDocReason", "BusinessDocReason"),
                bounded(business, DOCUMENT_ID, "DocumentId"),
                business.text("Paper").equals("1"),
                info.text("DocumentInfo"),
                info.text("DocumentReceiver"),
                receivers,
                replacements,
                staff == null ? null : staffInfo(staff));
    }

    private static StaffInfo staffInfo(XmlElement staff) {
        return new StaffInfo(staff.text("Department"), staff.text("Staff"), staff.text("Mobile"), staff.text("Email"));
    }

    /**
     * The text of a field CongVan keeps, refused when longer than the column that keeps it (the
     * registry's and the axis's tables) or holding a control character PostgreSQL cannot store.
     */
    private static String bounded(XmlElement element, int max, String name) {
        String text = element.text(name);
        if (text.length() > max) {
            throw Refusals.tooLong(name, max);
        }
        if (CONTROL.matcher(text).find()) {
            throw Refusals.controlCharacter(name);
        }
        return text;
    }

    private static XmlElement orNothing(@Nullable XmlElement element) {
        return element == null ? NOTHING : element;
    }

    /** Appendixes written as one empty element say there are none. */
    private static List<String> nonEmpty(List<String> texts) {
        return texts.stream().filter(t -> !t.isEmpty()).toList();
    }

    private static int number(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Refusals.malformed(text);
        }
    }
}
