package vn.congvan.exchange.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import vn.congvan.storage.SafeFileName;

/**
 * Reads an edXML package of any producer: elements known by their local names in any order and
 * namespace, unknown ones and the signature skipped, attachments decoded as they stream into
 * temporary files. A DOCTYPE is refused before anything it declares could be used.
 */
public final class EdxmlReader {

    /** Bound of the envelope's text, held in memory while read; real envelopes are a few kilobytes. */
    static final int MAX_ENVELOPE_CHARS = 4 * 1024 * 1024;

    private static final XMLInputFactory FACTORY = secureFactory();

    private final ExchangeProperties limits;
    private final SpoolFiles spool;
    private final ZippedPayload zipped;

    /** A reader spooling attachments in the JVM's temporary directory, for tools and tests. */
    public EdxmlReader(ExchangeProperties limits) {
        this(limits, null);
    }

    /** A reader spooling attachments under {@code spoolDir} (the data directory's, in a running CongVan). */
    public EdxmlReader(ExchangeProperties limits, @Nullable Path spoolDir) {
        this.limits = limits;
        this.spool = new SpoolFiles(spoolDir);
        this.zipped = new ZippedPayload(limits, spool);
    }

    public EdxmlPackage read(InputStream in) {
        return read(in, false);
    }

    /**
     * The envelope of the package in {@code in} (header, business part, manifest), read without its
     * attachments, which are not decoded: what a hub routes by.
     */
    public EdxmlPackage readEnvelope(InputStream in) {
        return read(in, true);
    }

    private EdxmlPackage read(InputStream in, boolean envelopeOnly) {
        Bounded.Input counted = new Bounded.Input(
                in,
                Objects.requireNonNull(limits.maxPackageSize(), "defaulted when not set")
                        .toBytes());
        List<Spooled> spooled = new ArrayList<>();
        List<EdxmlAttachment> attachments = new ArrayList<>();
        boolean complete = false;
        try {
            XMLStreamReader xml = new BoundedStructure(
                    FACTORY.createXMLStreamReader(counted), limits.maxElementDepth(), limits.maxElements());
            try {
                XmlElement envelope = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw Refusals.doctype();
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (xml.getLocalName().equals("edXMLEnvelope")) {
                            envelope = readElement(xml, new TextBudget());
                            if (envelopeOnly) {
                                complete = true;
                                return new EnvelopeReading(envelope).toPackage();
                            }
                        } else if (xml.getLocalName().equals("Attachment")) {
                            spooled.add(spool(xml));
                        }
                    }
                }
                if (envelope == null) {
                    throw Refusals.malformed("edXMLEnvelope");
                }
                EdxmlPackage read = new EnvelopeReading(envelope).toPackage();
                unpack(spooled, read, attachments);
                complete = true;
                return new EdxmlPackage(read.document(), read.status(), attachments);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IOException e) {
            if (counted.exceeded()) {
                throw Refusals.tooLarge(limits.maxPackageSize().toBytes());
            }
            throw Refusals.malformed(String.valueOf(e.getMessage()));
        } finally {
            if (!complete) {
                attachments.forEach(EdxmlAttachment::close);
                spooled.forEach(Spooled::delete);
            }
        }
    }

    /** An attachment as it came, its payload decoded into a temporary file. */
    private record Spooled(Map<String, String> fields, Path payload) {

        String field(String name) {
            return fields.getOrDefault(name, "");
        }

        void delete() {
            try {
                Files.deleteIfExists(payload);
            } catch (IOException e) {
                // a temporary file left behind is swept with the temporary directory
            }
        }
    }

    private Spooled spool(XMLStreamReader xml) throws XMLStreamException, IOException {
        Map<String, String> fields = new HashMap<>();
        Path payload = spool.newFile();
        try {
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("ContentTransferEncoded")) {
                    decode(xml, payload, EnvelopeReading.contentId(fields.getOrDefault("ContentId", "")));
                } else {
                    fields.put(name, readElement(xml, new TextBudget()).text());
                }
            }
            return new Spooled(fields, payload);
        } catch (RuntimeException | XMLStreamException | IOException e) {
            Files.deleteIfExists(payload);
            throw e;
        }
    }

    private void decode(XMLStreamReader xml, Path payload, String contentId) throws XMLStreamException, IOException {
        long max = Objects.requireNonNull(limits.maxAttachmentSize(), "defaulted when not set")
                .toBytes();
        char[] buffer = new char[8192];
        try (OutputStream out = new Bounded.Output(Files.newOutputStream(payload), max, () -> {
            throw Refusals.tooLarge(max);
        })) {
            Base64Decoding base64 = new Base64Decoding(out, contentId);
            for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw Refusals.base64(contentId);
                }
                if (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    for (int start = 0; ; start += buffer.length) {
                        int n = xml.getTextCharacters(start, buffer, 0, buffer.length);
                        base64.append(buffer, 0, n);
                        if (n < buffer.length) {
                            break;
                        }
                    }
                }
            }
            base64.finish();
        }
    }

    /** Adds the attachments of the package, zipped ones unpacked, named from the manifest when they do not say. */
    private void unpack(List<Spooled> spooled, EdxmlPackage read, List<EdxmlAttachment> files) throws IOException {
        Map<String, Reference> manifest = new HashMap<>();
        if (read.document() != null) {
            read.document().manifest().forEach(r -> manifest.put(r.contentId(), r));
        }
        for (Spooled attachment : spooled) {
            String contentId = EnvelopeReading.contentId(attachment.field("ContentId"));
            Reference reference = manifest.getOrDefault(contentId, new Reference(contentId, "", "", ""));
            String name = orElse(attachment.field("AttachmentName"), reference.attachmentName());
            String type = orElse(attachment.field("ContentType"), reference.contentType());
            String description = orElse(attachment.field("Description"), reference.description());
            if (ZippedPayload.isZip(type, name)) {
                files.addAll(zipped.unpack(attachment.payload(), contentId, description));
                attachment.delete();
            } else {
                files.add(EdxmlAttachment.inTemporaryFile(
                        contentId,
                        SafeFileName.of(name),
                        orElse(type, "application/octet-stream"),
                        description,
                        attachment.payload()));
            }
        }
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    /** What is left of {@link #MAX_ENVELOPE_CHARS} while an element is read. */
    private static final class TextBudget {
        private int left = MAX_ENVELOPE_CHARS;

        void spend(int chars) {
            left -= chars;
            if (left < 0) {
                throw Refusals.tooLarge(MAX_ENVELOPE_CHARS);
            }
        }
    }

    /** The element the reader stands on, with all below it; a signature's content is skipped. */
    private static XmlElement readElement(XMLStreamReader xml, TextBudget budget) throws XMLStreamException {
        XmlElement element = new XmlElement(xml.getLocalName());
        boolean skipped = element.name().equals("Signature");
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (skipped) {
                    depth++;
                } else {
                    element.add(readElement(xml, budget));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (!skipped && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                budget.spend(xml.getTextLength());
                element.appendText(xml.getText());
            }
        }
        return element;
    }

    private static XMLInputFactory secureFactory() {
        // Not coalescing: a long base64 text then arrives in pieces of at most a few kilobytes.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
