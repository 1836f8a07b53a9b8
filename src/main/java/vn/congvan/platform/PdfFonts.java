package vn.congvan.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Unicode fonts with every Vietnamese glyph, embedded as subsets in the PDFs CongVan writes: the
 * standard PDF fonts have no "ở" or "ự". DejaVu Serif stands in for Times New Roman.
 */
public final class PdfFonts {

    private static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";

    private PdfFonts() {}

    public static PDType0Font serif(PDDocument pdf) {
        return load(pdf, "DejaVuSerif.ttf");
    }

    public static PDType0Font serifBold(PDDocument pdf) {
        return load(pdf, "DejaVuSerif-Bold.ttf");
    }

    public static PDType0Font serifItalic(PDDocument pdf) {
        return load(pdf, "DejaVuSerif-Italic.ttf");
    }

    /** The TrueType file of {@link #serif}, for libraries that embed the font themselves (DSS). */
    public static InputStream serifFile() {
        return open("DejaVuSerif.ttf");
    }

    private static InputStream open(String file) {
        InputStream in = PdfFonts.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("Font missing from the class path: " + file);
        }
        return in;
    }

    private static PDType0Font load(PDDocument pdf, String file) {
        try (InputStream in = open(file)) {
            return PDType0Font.load(pdf, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
