package vn.congvan.registry.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfBounds;
import vn.congvan.shared.DomainException;

/**
 * Checks that a file is a readable PDF and reads its page count and text. PDFBox works from the
 * file and caches in temp files, so a large PDF never sits whole in memory.
 */
@Component
public class PdfInspection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfInspection.class);

    /** Text kept for search; the beginning of a document is what people search for. */
    static final int MAX_TEXT_CHARS = 20_000;

    static final int MAX_TEXT_PAGES = 30;

    private final PdfBounds bounds;

    PdfInspection(PdfBounds bounds) {
        this.bounds = bounds;
    }

    /**
     * The facts of a readable PDF; refuses what is not one, and a PDF whose cross-reference or
     * object streams decode past the bounds ({@code registry.file.too-large}).
     */
    public PdfFacts inspect(Path file) {
        if (!startsWithPdfHeader(file)) {
            throw DomainException.invalid("registry.file.not-pdf");
        }
        try (PDDocument pdf = bounds.load(file)) {
            int pages = pdf.getNumberOfPages();
            if (pages < 1) {
                throw DomainException.invalid("registry.file.no-pages");
            }
            String text = text(pdf, pages);
            if (text == null) {
                return new PdfFacts(pages, "", false);
            }
            return new PdfFacts(pages, text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text, true);
        } catch (PdfBounds.TooLarge e) {
            throw DomainException.invalid("registry.file.too-large");
        } catch (InvalidPasswordException e) {
            throw DomainException.invalid("registry.file.encrypted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid("registry.file.not-pdf");
        }
    }

    /**
     * The text for search, best effort: none (null) for a PDF whose page streams decode past the
     * bound or whose text takes longer than allowed; it is registered without it, and marked so.
     */
    private @Nullable String text(PDDocument pdf, int pages) throws IOException {
        if (!bounds.decodesWithin(pdf)) {
            log.warn("Text not extracted: the PDF's streams decode to more than {} bytes", bounds.maxDecodedBytes());
            return null;
        }
        PdfBounds.Deadline deadline = bounds.deadline();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                deadline.check();
                super.processOperator(operator, operands);
            }
        };
        stripper.setEndPage(Math.min(pages, MAX_TEXT_PAGES));
        try {
            return stripper.getText(pdf);
        } catch (PdfBounds.TimeExceeded e) {
            log.warn("Text not extracted: {}", e.getMessage());
            return null;
        }
    }

    private static boolean startsWithPdfHeader(Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.contains("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }
}
