package vn.congvan.registry.dossier;

import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.VietnamTime;

/**
 * Writes a dossier's metadata and its documents', in the dossier's order, as UTF-8 XML named after
 * Decree 30 Appendix VI (FileCode, Title… for the dossier; DocOrdinal, TypeName, CodeNumber… for
 * each document). A document the reader may not read keeps its number, date and issuer only.
 */
@Component
class DossierXml {

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** Writes the XML to the stream, which stays open; the documents numbered in {@code leftOut} are not in the PDF. */
    void write(DossierPackage pack, Set<Integer> leftOut, OutputStream out) throws XMLStreamException {
        Writer xml = new Writer(factory.createXMLStreamWriter(out, "UTF-8"));
        DossierView d = pack.dossier();
        xml.start("Dossier");
        xml.field("FileCode", d.fileCode());
        xml.field("Title", d.title());
        xml.field("Maintenance", d.maintenance());
        xml.field("Rights", d.rights());
        xml.field("Creator", d.creator());
        xml.field("Language", d.language());
        xml.field("StartDate", d.startDate());
        xml.field("EndDate", d.endDate());
        xml.field("DocTotal", d.docTotal());
        xml.field("PageTotal", d.pageTotal());
        xml.field("Description", d.description());
        xml.start("Documents");
        for (DossierPackage.Packed packed : pack.documents()) {
            document(xml, packed, packed.inPdf() && !leftOut.contains(packed.ordinal()));
        }
        xml.end();
        xml.end();
        xml.finish();
    }

    private static void document(Writer xml, DossierPackage.Packed packed, boolean inPdf) throws XMLStreamException {
        DocumentView doc = packed.filed().document();
        DocumentMetadata described = doc.metadata();
        xml.start("Document");
        xml.attribute("inPdf", Boolean.toString(inPdf));
        xml.field("DocOrdinal", packed.ordinal());
        xml.field("TypeName", described.typeName());
        xml.field("CodeNumber", described.codeNumber());
        xml.field("CodeNotation", described.codeNotation());
        xml.field("IssuedDate", described.issuedDate());
        xml.field("OrganId", described.organId());
        xml.field("OrganName", described.organName());
        xml.field("Subject", packed.subject());
        xml.field("PageAmount", packed.filed().pages());
        if (packed.readable()) {
            xml.field("Language", described.language());
            xml.field("Description", described.description());
            if (described.signer().named()) {
                xml.start("SignerInfo");
                xml.field("Position", described.signer().title());
                xml.field("FullName", described.signer().fullName());
                xml.end();
            }
            xml.field("Priority", described.priority().code());
            xml.field("DueDate", described.dueDate());
            xml.field("ArrivalNumber", doc.arrivalNumber());
            xml.field(
                    "ArrivalDate",
                    doc.arrivalDate() == null
                            ? null
                            : doc.arrivalDate()
                                    .atZoneSameInstant(VietnamTime.ZONE)
                                    .toOffsetDateTime()
                                    .truncatedTo(ChronoUnit.SECONDS));
        }
        xml.end();
    }

    /** A StAX writer that indents, and leaves out empty fields. */
    private static final class Writer {

        /** Characters XML 1.0 cannot carry even escaped: C0 controls but tab, line feed and carriage return. */
        private static final Pattern XML_1_0_EXCLUDED =
                Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

        private final XMLStreamWriter xml;
        private int depth;

        Writer(XMLStreamWriter xml) throws XMLStreamException {
            this.xml = xml;
            xml.writeStartDocument("UTF-8", "1.0");
        }

        void start(String name) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            depth++;
        }

        void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, value);
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            xml.writeEndElement();
        }

        void field(String name, @Nullable Object value) throws XMLStreamException {
            if (value == null) {
                return;
            }
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(XML_1_0_EXCLUDED.matcher(value.toString()).replaceAll("\uFFFD"));
            xml.writeEndElement();
        }

        void finish() throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
