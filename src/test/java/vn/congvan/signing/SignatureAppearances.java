package vn.congvan.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads back, with PDFBox, the text each signature shows: the text of its widget's appearance
 * stream, which a viewer draws over the page. Text that a font without the glyphs would mangle
 * reads back wrong here.
 */
final class SignatureAppearances {

    /** One signature widget: its field, where it shows (PDF points, lower-left origin) and its text. */
    record Shown(String field, PDRectangle rectangle, String text) {}

    private SignatureAppearances() {}

    static List<Shown> of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Shown> shown = new ArrayList<>();
            for (PDField field : document.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (field instanceof PDSignatureField signature) {
                    var widget = signature.getWidgets().get(0);
                    PDAppearanceStream appearance = widget.getNormalAppearanceStream();
                    shown.add(new Shown(
                            field.getFullyQualifiedName(),
                            widget.getRectangle(),
                            appearance == null ? "" : textOf(appearance)));
                }
            }
            return shown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws the appearance alone on a page of a new document and extracts that page's text. */
    private static String textOf(PDFormXObject appearance) throws IOException {
        try (PDDocument holder = new PDDocument()) {
            PDRectangle box = appearance.getBBox();
            PDPage page = new PDPage(new PDRectangle(box.getWidth() + 10, box.getHeight() + 10));
            holder.addPage(page);
            page.setResources(new PDResources());
            try (PDPageContentStream content = new PDPageContentStream(holder, page)) {
                content.saveGraphicsState();
                content.transform(
                        new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, -box.getLowerLeftX(), -box.getLowerLeftY()));
                content.drawForm(appearance);
                content.restoreGraphicsState();
            }
            return new PDFTextStripper().getText(holder).strip();
        }
    }
}
