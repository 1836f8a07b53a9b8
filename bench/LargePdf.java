import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large PDF like a scanned dossier: one page of text, then pages each carrying a scanned
 * image (incompressible grey noise, 1 MiB per page), until the file reaches the size asked for.
 * Written object by object to disk, so it needs no memory to speak of.
 *
 *   java bench/LargePdf.java target/large.pdf 1024     # about 1 GiB
 */
public class LargePdf {

    private static final int SIDE = 1024;

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        long megabytes = Long.parseLong(args[1]);
        int scans = (int) Math.max(0, megabytes);
        new LargePdf().write(target, scans);
    }

    private final List<Long> offsets = new ArrayList<>();
    private long position;

    private void write(Path target, int scans) throws IOException {
        // Objects: 1 catalog, 2 pages, 3 font, then per page: page, content, (image).
        int pages = scans + 1;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            text(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            object(out, 1, "<< /Type /Catalog /Pages 2 0 R >>");
            StringBuilder kids = new StringBuilder();
            for (int p = 0; p < pages; p++) {
                kids.append(4 + 3 * p).append(" 0 R ");
            }
            object(out, 2, "<< /Type /Pages /Count " + pages + " /Kids [" + kids + "] >>");
            object(out, 3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
            Random noise = new Random(2026);
            byte[] image = new byte[SIDE * SIDE];
            for (int p = 0; p < pages; p++) {
                int page = 4 + 3 * p;
                boolean cover = p == 0;
                String resources =
                        cover ? "<< /Font << /F1 3 0 R >> >>" : "<< /XObject << /Im1 " + (page + 2) + " 0 R >> >>";
                object(
                        out,
                        page,
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + " /Contents "
                                + (page + 1) + " 0 R >>");
                String content = cover
                        ? "BT /F1 16 Tf 72 760 Td (UY BAN NHAN DAN TINH - QUYET DINH) Tj 0 -24 Td "
                                + "(Ho so quet " + scans + " trang) Tj ET\n"
                                + "BT /F1 12 Tf 360 200 Td (CHU TICH) Tj ET\n"
                        : "q 540 0 0 760 28 40 cm /Im1 Do Q\n";
                stream(out, page + 1, "", content.getBytes(StandardCharsets.ISO_8859_1));
                if (!cover) {
                    noise.nextBytes(image);
                    stream(
                            out,
                            page + 2,
                            "/Type /XObject /Subtype /Image /Width " + SIDE + " /Height " + SIDE
                                    + " /ColorSpace /DeviceGray /BitsPerComponent 8",
                            image);
                } else {
                    object(out, page + 2, "null");
                }
            }
            long xref = position;
            text(out, "xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long offset : offsets) {
                text(out, String.format("%010d 00000 n \n", offset));
            }
            text(
                    out,
                    "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        }
        System.out.printf("Wrote %s: %d pages, %.1f MiB%n", target, pages, Files.size(target) / 1048576.0);
    }

    private void object(OutputStream out, int number, String body) throws IOException {
        begin(number);
        text(out, number + " 0 obj\n" + body + "\nendobj\n");
    }

    private void stream(OutputStream out, int number, String dictionary, byte[] data) throws IOException {
        begin(number);
        text(out, number + " 0 obj\n<< " + dictionary + " /Length " + data.length + " >>\nstream\n");
        out.write(data);
        position += data.length;
        text(out, "\nendstream\nendobj\n");
    }

    private void begin(int number) {
        while (offsets.size() < number) {
            offsets.add(0L);
        }
        offsets.set(number - 1, position);
    }

    private void text(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes);
        position += bytes.length;
    }
}
