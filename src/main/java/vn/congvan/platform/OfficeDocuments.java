package vn.congvan.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.congvan.platform.office.LibreOffice;
import vn.congvan.platform.office.OfficeFileCheck;
import vn.congvan.platform.office.OfficeFileCheck.Kind;
import vn.congvan.platform.office.OfficeProperties;
import vn.congvan.shared.DomainException;

/**
 * Word (.docx) and OpenDocument (.odt) files rendered as PDF, as offices draft in Word: checked
 * first (no password, no macros, a bounded expansion), rendered by LibreOffice in bounded time,
 * and refused past the pages a document may have.
 */
public final class OfficeDocuments {

    private final OfficeFileCheck check;
    private final LibreOffice libreOffice;
    private final PdfBounds bounds;
    private final int maxPages;

    OfficeDocuments(OfficeProperties properties, Path workspace, PdfBounds bounds) {
        this.check = new OfficeFileCheck(properties.maxExpandedSize().toBytes());
        this.libreOffice =
                new LibreOffice(properties.soffice(), properties.timeout(), workspace, properties.renderings());
        this.bounds = bounds;
        this.maxPages = properties.maxPages();
    }

    /** Whether the name is one of an office document CongVan renders (.docx, .odt). */
    public static boolean isOfficeDocument(String fileName) {
        return Kind.of(fileName).isPresent();
    }

    /** The name of the rendered PDF: the document's name with {@code .pdf} for its extension. */
    public static String pdfName(String fileName) {
        Optional<Kind> kind = Kind.of(fileName);
        String base = kind.isPresent()
                ? fileName.strip()
                        .substring(
                                0,
                                fileName.strip().length()
                                        - kind.get().extension().length())
                : fileName;
        return (base.isBlank() ? "du-thao" : base) + ".pdf";
    }

    /** Renders the office document as PDF and hands the PDF to the reader; refuses with a reason. */
    public <T> T renderPdf(Path source, String fileName, LibreOffice.PdfReader<T> reader) {
        Kind kind = Kind.of(fileName).orElseThrow(() -> DomainException.invalid("platform.office.unreadable"));
        try {
            check.check(source, kind);
            return libreOffice.render(source, kind.extension(), pdf -> {
                int pages;
                try (PDDocument document = bounds.load(pdf)) {
                    pages = document.getNumberOfPages();
                } catch (PdfBounds.TooLarge e) {
                    throw bounds.refusal();
                }
                if (pages > maxPages) {
                    throw DomainException.invalid("platform.office.too-many-pages", pages, maxPages);
                }
                return reader.read(pdf);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
