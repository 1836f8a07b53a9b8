package vn.congvan.registry.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.shared.Official;

/**
 * Exports a dossier for archiving (Decree 30 Appendix VI): a ZIP holding {@code <fileCode>.pdf}
 * (the cover with the table of contents, then each document's PDF in chronological order) and
 * {@code <fileCode>.xml} (the metadata). Documents the reader may not read, such as secret ones
 * without a grant, are listed with their subject masked and left out of the PDF.
 */
@Service
public class DossierExport {

    private final DossierCatalog catalog;
    private final Dossiers dossiers;
    private final DocumentAccess access;
    private final DossierPdf pdf;
    private final DossierXml xml;
    private final MessageSource messages;

    DossierExport(
            DossierCatalog catalog,
            Dossiers dossiers,
            DocumentAccess access,
            DossierPdf pdf,
            DossierXml xml,
            MessageSource messages) {
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.access = access;
        this.pdf = pdf;
        this.xml = xml;
        this.messages = messages;
    }

    /** Reads what the official may export of the dossier; the files are written later, by {@link #write}. */
    @Transactional(readOnly = true)
    public DossierPackage prepare(Official official, UUID dossierId, Locale locale) {
        DossierView dossier = catalog.view(official, dossierId);
        List<DossierPackage.Packed> documents = new ArrayList<>();
        for (FiledDocument filed : dossiers.contents(dossierId)) {
            boolean readable = access.canRead(official, filed.document());
            String subject = readable ? filed.document().metadata().subject() : mask(filed.document(), locale);
            documents.add(new DossierPackage.Packed(documents.size() + 1, filed, readable, subject));
        }
        return new DossierPackage(dossier, documents, locale);
    }

    /** Streams the ZIP to the output, which stays open. */
    public void write(DossierPackage pack, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(new KeptOpenStream(out))) {
            zip.putNextEntry(new ZipEntry(pack.fileName("pdf")));
            Set<Integer> leftOut = pdf.write(pack, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(pack.fileName("xml")));
            xml.write(pack, leftOut, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the dossier's XML", e);
        }
    }

    /** What stands for the subject of a document the reader may not read: its secrecy, or "restricted". */
    private String mask(DocumentView document, Locale locale) {
        String key =
                document.secret() ? document.metadata().confidentiality().messageKey() : "registry.dossier.restricted";
        return "(" + messages.getMessage(key, null, key, locale) + ")";
    }
}
