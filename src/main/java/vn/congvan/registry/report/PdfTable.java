package vn.congvan.registry.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays out a table across pages of one size (landscape A4 for registers, portrait for a dossier's
 * cover): wraps each cell's text to its column, repeats the heading on every page and numbers the
 * pages.
 */
public final class PdfTable implements AutoCloseable {

    private static final float MARGIN = 28;
    private static final float FONT_SIZE = 8;
    private static final float LEADING = 10;
    private static final float PADDING = 2.5f;

    private final PDDocument pdf;
    private final PDRectangle pageSize;
    private final PDFont font;
    private final PDFont bold;
    private final float[] widths;
    private final List<String> headings;
    private final String pageLabel;
    private PDPageContentStream content;
    private float y;
    private int pages;

    public PdfTable(
            PDDocument pdf,
            PDFont font,
            PDFont bold,
            PDRectangle pageSize,
            List<Integer> shares,
            List<String> headings,
            String pageLabel)
            throws IOException {
        this.pdf = pdf;
        this.pageSize = pageSize;
        this.font = font;
        this.bold = bold;
        this.headings = headings;
        this.pageLabel = pageLabel;
        float usable = pageSize.getWidth() - 2 * MARGIN;
        int total = shares.stream().mapToInt(Integer::intValue).sum();
        widths = new float[shares.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = usable * shares.get(i) / total;
        }
        content = newPage();
    }

    /** Bold centred lines, then the table's heading row. */
    public void title(List<String> lines, float size) throws IOException {
        centred(lines, size, true);
        y -= 6;
        row(headings, bold);
    }

    /** Centred lines above the table, each wrapped to the page's width. */
    public void centred(List<String> lines, float size, boolean strong) throws IOException {
        PDFont face = strong ? bold : font;
        float usable = pageSize.getWidth() - 2 * MARGIN;
        for (String line : lines) {
            for (String text : wrap(line, usable, face, size)) {
                float width = face.getStringWidth(text) / 1000 * size;
                content.beginText();
                content.setFont(face, size);
                content.newLineAtOffset((pageSize.getWidth() - width) / 2, y - size);
                content.showText(text);
                content.endText();
                y -= size + 6;
            }
        }
    }

    /** Blank space before what comes next. */
    public void gap(float points) {
        y -= points;
    }

    public void row(List<String> cells) throws IOException {
        row(cells, font);
    }

    private void row(List<String> cells, PDFont face) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            List<String> cellLines =
                    wrap(i < cells.size() ? cells.get(i) : "", widths[i] - 2 * PADDING, face, FONT_SIZE);
            wrapped.add(cellLines);
            lines = Math.max(lines, cellLines.size());
        }
        float height = lines * LEADING + 2 * PADDING;
        if (y - height < MARGIN + 14) {
            content.close();
            content = newPage();
            if (face == font) {
                row(headings, bold);
            }
        }
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            content.addRect(x, y - height, widths[i], height);
            float lineY = y - PADDING - FONT_SIZE;
            for (String line : wrapped.get(i)) {
                content.beginText();
                content.setFont(face, FONT_SIZE);
                content.newLineAtOffset(x + PADDING, lineY);
                content.showText(line);
                content.endText();
                lineY -= LEADING;
            }
            x += widths[i];
        }
        content.setLineWidth(0.5f);
        content.stroke();
        y -= height;
    }

    private PDPageContentStream newPage() throws IOException {
        PDPage page = new PDPage(pageSize);
        pdf.addPage(page);
        pages++;
        PDPageContentStream stream = new PDPageContentStream(pdf, page);
        String number = printable(pageLabel + " " + pages, font);
        stream.beginText();
        stream.setFont(font, FONT_SIZE);
        stream.newLineAtOffset(pageSize.getWidth() - MARGIN - font.getStringWidth(number) / 1000 * FONT_SIZE, 14);
        stream.showText(number);
        stream.endText();
        y = pageSize.getHeight() - MARGIN;
        return stream;
    }

    private static List<String> wrap(String text, float width, PDFont face, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text, face).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (widthOf(candidate, face, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (widthOf(rest, face, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && widthOf(rest.substring(0, cut), face, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float widthOf(String text, PDFont face, float size) throws IOException {
        return face.getStringWidth(text) / 1000 * size;
    }

    /** Keeps only characters the font can draw; line breaks and tabs become spaces. */
    static String printable(String text, PDFont face) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isWhitespace(cp) || Character.isISOControl(cp) ? " " : Character.toString(cp);
            try {
                face.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
