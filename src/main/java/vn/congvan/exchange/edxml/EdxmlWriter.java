package vn.congvan.exchange.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a package in the one form of QCVN 102:2016: its namespace with the prefix {@code edXML},
 * its element names in the order of the national axis's own packages (EdxmlElementOrderTests holds
 * them side by side), dates as yyyy/MM/dd, content ids as "cid:…", and the attachments after the
 * envelope in base64 lines encoded as their content streams in.
 */
public final class EdxmlWriter {

    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String PREFIX = "edXML";

    /** Three bytes make four base64 characters: whole lines of 76 characters need 57 bytes each. */
    private static final int BYTES_PER_READ = 57 * 1024;

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII));

    public void write(EdxmlPackage edxml, OutputStream out) {
        try {
            // The JDK's writer hands its stream one character at a time.
            BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(buffered, "UTF-8");
            new Writing(xml).write(edxml);
            xml.close();
            buffered.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("edXML package not written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One package being written. */
    private record Writing(XMLStreamWriter xml) {

        void write(EdxmlPackage edxml) throws XMLStreamException, IOException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix(PREFIX, NAMESPACE);
            start("edXML");
            xml.writeNamespace(PREFIX, NAMESPACE);
            start("edXMLEnvelope");
            start("edXMLHeader");
            if (edxml.document() != null) {
                document(edxml.document());
            } else if (edxml.status() != null) {
                status(edxml.status());
            }
            xml.writeEndElement();
            start("edXMLBody");
            start("edXMLManifest");
            xml.writeAttribute("version", "1.0");
            if (edxml.document() != null) {
                for (Reference reference : edxml.document().manifest()) {
                    start("Reference");
                    text("ContentId", "cid:" + reference.contentId());
                    text("ContentType", reference.contentType());
                    text("Description", reference.description());
                    text("AttachmentName", reference.attachmentName());
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            if (!edxml.attachments().isEmpty()) {
                start("AttachmentEncoded");
                for (EdxmlAttachment attachment : edxml.attachments()) {
                    attachment(attachment);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void document(EdxmlDocument document) throws XMLStreamException {
            MessageHeader header = document.header();
            start("MessageHeader");
            organisation("From", header.from(), true);
            for (Organisation to : header.to()) {
                organisation("To", to, true);
            }
            text("DocumentId", documentId(header));
            start("Code");
            text("CodeNumber", header.code().number());
            text("CodeNotation", header.code().notation());
            xml.writeEndElement();
            start("PromulgationInfo");
            text("Place", header.promulgationPlace());
            day("PromulgationDate", header.promulgationDate());
            xml.writeEndElement();
            start("DocumentType");
            text("Type", String.valueOf(header.documentType().type()));
            text("TypeDetail", String.valueOf(header.documentType().typeDetail()));
            text("TypeName", header.documentType().typeName());
            xml.writeEndElement();
            text("Subject", header.subject());
            text("Content", header.content());
            start("SignerInfo");
            text("Competence", header.signerInfo().competence());
            text("Position", header.signerInfo().position());
            text("FullName", header.signerInfo().fullName());
            xml.writeEndElement();
            day("DueDate", header.dueDate());
            start("OtherInfo");
            text("Priority", String.valueOf(header.otherInfo().priority()));
            text("SphereOfPromulgation", header.otherInfo().sphereOfPromulgation());
            text("TyperNotation", header.otherInfo().typerNotation());
            text("PromulgationAmount", String.valueOf(header.otherInfo().promulgationAmount()));
            text("PageAmount", String.valueOf(header.otherInfo().pageAmount()));
            start("Appendixes");
            for (String appendix : header.otherInfo().appendixes()) {
                text("Appendix", appendix);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            if (header.responseFor() != null) {
                responseFor(header.responseFor());
            }
            text("SteeringType", String.valueOf(header.steeringType()));
            start("ToPlaces");
            for (String place : header.toPlaces()) {
                text("Place", place);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            start("TraceHeaderList");
            for (TraceHeader trace : document.traces()) {
                start("TraceHeader");
                text("OrganId", trace.organId());
                timestamp(trace.timestamp());
                xml.writeEndElement();
            }
            if (document.business() != null) {
                business(document.business());
            }
            xml.writeEndElement();
        }

        /** The id as received, or made from the sender, the promulgation day and the code. */
        private static String documentId(MessageHeader header) {
            if (!header.documentId().isEmpty() || header.promulgationDate() == null) {
                return header.documentId();
            }
            return MessageHeader.documentIdOf(header.from().organId(), header.promulgationDate(), header.code());
        }

        private void business(Business business) throws XMLStreamException {
            start("Bussiness");
            text("DocumentId", business.documentId());
            text("BussinessDocType", String.valueOf(business.docType().code()));
            text("BussinessDocReason", business.docReason());
            text("Paper", business.paper() ? "1" : "0");
            if (!business.documentInfo().isEmpty()
                    || !business.documentReceiver().isEmpty()
                    || !business.receivers().isEmpty()) {
                start("BussinessDocumentInfo");
                text("DocumentInfo", business.documentInfo());
                text("DocumentReceiver", business.documentReceiver());
                start("ReceiverList");
                for (Receiver receiver : business.receivers()) {
                    start("Receiver");
                    text("OrganId", receiver.organId());
                    text("ReceiverType", String.valueOf(receiver.type().code()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            if (!business.replacements().isEmpty()) {
                start("ReplacementInfoList");
                for (Replacement replacement : business.replacements()) {
                    start("ReplacementInfo");
                    text("DocumentId", replacement.documentId());
                    start("OrganIdList");
                    for (String organId : replacement.organIds()) {
                        text("OrganId", organId);
                    }
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (business.staffInfo() != null) {
                staffInfo(business.staffInfo(), true);
            }
            xml.writeEndElement();
        }

        private void status(EdxmlStatus status) throws XMLStreamException {
            start("MessageHeader");
            organisation("From", status.from(), false);
            responseFor(status.responseFor());
            if (status.staffInfo() != null) {
                staffInfo(status.staffInfo(), false);
            }
            text("StatusCode", status.statusCode());
            text("Description", status.description());
            timestamp(status.timestamp());
            xml.writeEndElement();
        }

        /**
         * An agency; the axis's own document packages name the body in charge before the agency's name,
         * its status packages after it.
         */
        private void organisation(String name, Organisation organ, boolean inChargeFirst) throws XMLStreamException {
            start(name);
            text("OrganId", organ.organId());
            if (inChargeFirst) {
                text("OrganizationInCharge", organ.organizationInCharge());
                text("OrganName", organ.organName());
            } else {
                text("OrganName", organ.organName());
                text("OrganizationInCharge", organ.organizationInCharge());
            }
            text("OrganAdd", organ.organAdd());
            text("Email", organ.email());
            text("Telephone", organ.telephone());
            text("Fax", organ.fax());
            text("Website", organ.website());
            xml.writeEndElement();
        }

        private void responseFor(ResponseFor response) throws XMLStreamException {
            start("ResponseFor");
            text("OrganId", response.organId());
            text("Code", response.code().toString());
            day("PromulgationDate", response.promulgationDate());
            text("DocumentId", response.documentId());
            xml.writeEndElement();
        }

        /** The clerk; the axis's own business parts give the e-mail before the mobile, its statuses after. */
        private void staffInfo(StaffInfo staff, boolean emailFirst) throws XMLStreamException {
            start("StaffInfo");
            text("Department", staff.department());
            text("Staff", staff.staff());
            if (emailFirst) {
                text("Email", staff.email());
                text("Mobile", staff.mobile());
            } else {
                text("Mobile", staff.mobile());
                text("Email", staff.email());
            }
            xml.writeEndElement();
        }

        private void attachment(EdxmlAttachment attachment) throws XMLStreamException, IOException {
            start("Attachment");
            text("ContentId", "cid:" + attachment.contentId());
            text("AttachmentName", attachment.name().value());
            text("Description", attachment.description());
            text("ContentType", attachment.contentType());
            start("ContentTransferEncoded");
            byte[] buffer = new byte[BYTES_PER_READ];
            try (InputStream in = attachment.open()) {
                for (int n = in.readNBytes(buffer, 0, buffer.length);
                        n > 0;
                        n = in.readNBytes(buffer, 0, buffer.length)) {
                    byte[] chunk = n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
                    xml.writeCharacters(new String(BASE64.encode(chunk), StandardCharsets.US_ASCII));
                    xml.writeCharacters("\n");
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }

        private void day(String name, @Nullable LocalDate day) throws XMLStreamException {
            text(name, day == null ? "" : EdxmlDates.DAY.format(day));
        }

        private void timestamp(@Nullable LocalDateTime timestamp) throws XMLStreamException {
            text("Timestamp", timestamp == null ? "" : EdxmlDates.TIMESTAMP.format(timestamp));
        }

        private void text(String name, String value) throws XMLStreamException {
            start(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void start(String name) throws XMLStreamException {
            xml.writeStartElement(PREFIX, name, NAMESPACE);
        }
    }
}
