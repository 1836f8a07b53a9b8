package vn.congvan.registry.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;
import vn.congvan.shared.DomainException;

/**
 * Checks that a file is a readable PDF and reads its page count and text. PDFBox works from the
 * file and caches in temp files, so a large PDF never sits whole in memory.
 */
@Component
public class PdfInspection {

    /** Text kept for search; the beginning of a document is what people search for. */
    static final int MAX_TEXT_CHARS = 20_000;

    static final int MAX_TEXT_PAGES = 30;

    public PdfFacts inspect(Path file) {
        if (!startsWithPdfHeader(file)) {
            throw DomainException.invalid("registry.file.not-pdf");
        }
        try (PDDocument pdf = Loader.loadPDF(
                new RandomAccessReadBufferedFile(file), null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pages = pdf.getNumberOfPages();
            if (pages < 1) {
                throw DomainException.invalid("registry.file.no-pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(pages, MAX_TEXT_PAGES));
            String text = stripper.getText(pdf);
            return new PdfFacts(pages, text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text);
        } catch (InvalidPasswordException e) {
            throw DomainException.invalid("registry.file.encrypted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid("registry.file.not-pdf");
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
