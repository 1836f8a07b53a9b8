package vn.congvan.registry.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.congvan.platform.PdfFonts;

/** Real PDF pages for generated and demo documents, with Vietnamese text in an embedded font. */
final class SamplePdfs {

    private SamplePdfs() {}

    static byte[] sample() {
        return page("VĂN BẢN MẪU", "Văn bản được sinh tự động để đo hiệu năng.");
    }

    static byte[] page(String... lines) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            var font = PdfFonts.serif(pdf);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(font, 13);
                content.newLineAtOffset(70, 760);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -20);
                }
                content.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
