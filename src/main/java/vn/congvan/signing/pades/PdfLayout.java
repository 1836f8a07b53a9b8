package vn.congvan.signing.pades;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import vn.congvan.platform.PdfBounds;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SigningRefusals;

/**
 * What signing needs to know of a PDF's pages: their sizes, where a text stands (a marker, the
 * signer's name in the signature block) and where the signatures already in it show. Boxes use
 * PDF points from the top-left corner of their page, as DSS places signature fields.
 */
public final class PdfLayout {

    /** A rectangle on a page (numbered from 1), from the page's top-left corner. */
    public record Box(int page, float x, float y, float width, float height) {}

    /** A signed signature field and where its widget shows. */
    public record SignatureWidget(String fieldName, Box box) {}

    private final List<PDRectangle> pages;
    private final List<SignatureWidget> signatures;
    private final List<PageText> texts;

    private PdfLayout(List<PDRectangle> pages, List<SignatureWidget> signatures, List<PageText> texts) {
        this.pages = pages;
        this.signatures = signatures;
        this.texts = texts;
    }

    /**
     * Reads the layout of a PDF file; refuses what is not a readable PDF ({@code signing.file.not-pdf})
     * and what decodes past the bounds ({@link PdfBounds#refusal()}).
     */
    public static PdfLayout read(Path pdf, PdfBounds bounds) {
        try (PDDocument document = bounds.load(pdf)) {
            List<PDRectangle> pages = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                pages.add(page.getCropBox());
            }
            if (pages.isEmpty()) {
                throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
            }
            return new PdfLayout(pages, signatures(document, pages), texts(document, bounds));
        } catch (PdfBounds.TooLarge e) {
            throw bounds.refusal();
        } catch (IOException e) {
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
    }

    public int pageCount() {
        return pages.size();
    }

    public float pageWidth(int page) {
        return pages.get(page - 1).getWidth();
    }

    public float pageHeight(int page) {
        return pages.get(page - 1).getHeight();
    }

    /** The signed signature fields that show on a page, in the order of the form. */
    public List<SignatureWidget> signatures() {
        return signatures;
    }

    /**
     * Where the text last appears in the document (the signature block closes a document), in
     * upper or lower case alike: a position is often printed in capitals.
     */
    public Optional<Box> lastOccurrenceOf(String text) {
        String wanted = lowerCase(withoutSpaces(normalized(text)));
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (int i = texts.size() - 1; i >= 0; i--) {
            Optional<Box> found = texts.get(i).lastOccurrenceOf(wanted);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<SignatureWidget> signatures(PDDocument document, List<PDRectangle> pages) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        List<SignatureWidget> found = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            if (!(field instanceof PDSignatureField signature) || signature.getSignature() == null) {
                continue;
            }
            for (PDAnnotationWidget widget : signature.getWidgets()) {
                PDRectangle rect = widget.getRectangle();
                int page = pageOf(document, widget);
                if (rect == null || page < 1 || rect.getWidth() <= 0 || rect.getHeight() <= 0) {
                    continue;
                }
                PDRectangle crop = pages.get(page - 1);
                found.add(new SignatureWidget(
                        field.getFullyQualifiedName(),
                        new Box(
                                page,
                                rect.getLowerLeftX() - crop.getLowerLeftX(),
                                crop.getUpperRightY() - rect.getUpperRightY(),
                                rect.getWidth(),
                                rect.getHeight())));
            }
        }
        return List.copyOf(found);
    }

    private static int pageOf(PDDocument document, PDAnnotationWidget widget) throws IOException {
        if (widget.getPage() != null) {
            int index = document.getPages().indexOf(widget.getPage());
            if (index >= 0) {
                return index + 1;
            }
        }
        int number = 1;
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation.getCOSObject() == widget.getCOSObject()) {
                    return number;
                }
            }
            number++;
        }
        return -1;
    }

    /**
     * The pages' text, where a signature's place is looked for; none when the PDF's streams decode
     * past the bound or its text takes too long (the signature then goes where no text is sought).
     */
    private static List<PageText> texts(PDDocument document, PdfBounds bounds) throws IOException {
        if (!bounds.decodesWithin(document)) {
            return List.of();
        }
        TextCollector collector = new TextCollector(bounds.deadline());
        collector.setSortByPosition(true);
        try {
            collector.getText(document);
        } catch (PdfBounds.TimeExceeded e) {
            return List.of();
        }
        return collector.pages;
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Lower case character by character, so that positions in the text keep their index. */
    private static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** Text is compared without its spaces: a PDF may or may not draw them as characters. */
    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The text of one page without spaces, character by character with where each stands. */
    private record PageText(int page, String text, List<TextPosition> positions) {

        Optional<Box> lastOccurrenceOf(String wanted) {
            int at = text.lastIndexOf(wanted);
            if (at < 0) {
                return Optional.empty();
            }
            float left = Float.MAX_VALUE;
            float right = 0;
            float top = Float.MAX_VALUE;
            float bottom = 0;
            for (int i = at; i < at + wanted.length(); i++) {
                TextPosition p = positions.get(i);
                left = Math.min(left, p.getXDirAdj());
                right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                bottom = Math.max(bottom, p.getYDirAdj());
            }
            if (left == Float.MAX_VALUE) {
                return Optional.empty();
            }
            return Optional.of(new Box(page, left, top, right - left, bottom - top));
        }
    }

    /** Collects each page's characters but spaces, with their positions. */
    private static final class TextCollector extends PDFTextStripper {

        private final List<PageText> pages = new ArrayList<>();
        private StringBuilder text = new StringBuilder();
        private List<TextPosition> positions = new ArrayList<>();

        private final PdfBounds.Deadline deadline;

        TextCollector(PdfBounds.Deadline deadline) throws IOException {
            super();
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(
                org.apache.pdfbox.contentstream.operator.Operator operator,
                List<org.apache.pdfbox.cos.COSBase> operands)
                throws IOException {
            deadline.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void startPage(PDPage page) {
            text = new StringBuilder();
            positions = new ArrayList<>();
        }

        @Override
        protected void writeString(String string, List<TextPosition> textPositions) {
            for (TextPosition position : textPositions) {
                String unicode = normalized(position.getUnicode());
                for (int i = 0; i < unicode.length(); i++) {
                    if (!Character.isWhitespace(unicode.charAt(i))) {
                        text.append(unicode.charAt(i));
                        positions.add(position);
                    }
                }
            }
        }

        @Override
        protected void endPage(PDPage page) {
            pages.add(new PageText(getCurrentPageNo(), lowerCase(text.toString()), positions));
        }
    }
}
