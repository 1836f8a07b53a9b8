package vn.congvan;

/** Small files that decode to gigabytes, made by the tests as they run: never committed. */
public final class DecompressionBombs {

    private DecompressionBombs() {}

    /** A page with a line of text and then a FlateDecode stream of a gigabyte of spaces, about 1 MB compressed. */
    public static byte[] aPdfWhosePageDecodesToAGigabyte(String text) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            pdf.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(
                        new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                        12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            org.apache.pdfbox.cos.COSStream spaces = pdf.getDocument().createCOSStream();
            try (var raw = spaces.createRawOutputStream()) {
                raw.write(deflated(new byte[0], 1024));
            }
            spaces.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            org.apache.pdfbox.cos.COSArray contents = new org.apache.pdfbox.cos.COSArray();
            contents.add(page.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS));
            contents.add(spaces);
            page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.CONTENTS, contents);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A page drawing one image that declares 1024 × 1024 grey pixels (a megabyte) but whose
     * FlateDecode stream decodes to {@code megabytes} MB, about a thousandth of that compressed.
     */
    public static byte[] aPdfWithAnImageThatDecodesTo(int megabytes) throws java.io.IOException {
        return aPdfDrawing(
                image(1024, 1024, deflated(new byte[0], megabytes)),
                new org.apache.pdfbox.pdmodel.common.PDRectangle(595, 842));
    }

    /** An image XObject of grey pixels, its stream the given FlateDecode data. */
    public static org.apache.pdfbox.cos.COSStream image(int width, int height, byte[] flate)
            throws java.io.IOException {
        org.apache.pdfbox.cos.COSStream image = new org.apache.pdfbox.cos.COSStream();
        try (var raw = image.createRawOutputStream()) {
            raw.write(flate);
        }
        image.setItem(org.apache.pdfbox.cos.COSName.TYPE, org.apache.pdfbox.cos.COSName.XOBJECT);
        image.setItem(org.apache.pdfbox.cos.COSName.SUBTYPE, org.apache.pdfbox.cos.COSName.IMAGE);
        image.setInt(org.apache.pdfbox.cos.COSName.WIDTH, width);
        image.setInt(org.apache.pdfbox.cos.COSName.HEIGHT, height);
        image.setInt(org.apache.pdfbox.cos.COSName.BITS_PER_COMPONENT, 8);
        image.setItem(org.apache.pdfbox.cos.COSName.COLORSPACE, org.apache.pdfbox.cos.COSName.DEVICEGRAY);
        image.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
        return image;
    }

    /** A PDF of one page of the given size that draws the given image XObject over most of it, under a line of text. */
    public static byte[] aPdfDrawing(
            org.apache.pdfbox.cos.COSStream image, org.apache.pdfbox.pdmodel.common.PDRectangle size)
            throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(size);
            pdf.addPage(page);
            org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
            resources
                    .getCOSObject()
                    .setItem(org.apache.pdfbox.cos.COSName.XOBJECT, new org.apache.pdfbox.cos.COSDictionary());
            resources
                    .getCOSObject()
                    .getCOSDictionary(org.apache.pdfbox.cos.COSName.XOBJECT)
                    .setItem(org.apache.pdfbox.cos.COSName.getPDFName("Im0"), image);
            page.setResources(resources);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.saveGraphicsState();
                content.transform(org.apache.pdfbox.util.Matrix.getScaleInstance(500, 600));
                content.appendRawCommands("/Im0 Do\n");
                content.restoreGraphicsState();
                content.beginText();
                content.setFont(
                        new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                        12);
                content.newLineAtOffset(72, 720);
                content.showText("HO SO SCAN");
                content.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * Not a bomb: the ordinary case the bounds must leave alone, a dossier of {@code pages} A4 pages
     * scanned at 300 dpi in grey, one image each (some 9 MB drawn), as a scanner's PDF holds them.
     */
    public static byte[] aScannedDossier(int pages) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            java.awt.image.BufferedImage scan =
                    new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D pen = scan.createGraphics();
            pen.setColor(java.awt.Color.WHITE);
            pen.fillRect(0, 0, 2480, 3508);
            pen.setColor(java.awt.Color.BLACK);
            pen.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 60));
            pen.drawString("QUYET DINH", 900, 600);
            pen.dispose();
            for (int i = 0; i < pages; i++) {
                org.apache.pdfbox.pdmodel.PDPage page =
                        new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
                pdf.addPage(page);
                var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf, scan);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                    content.drawImage(image, 0, 0, 595, 842);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A zlib (FlateDecode) stream of {@code prefix} followed by {@code megabytes} MB of spaces, made
     * without deflating them all: after a full flush a block compresses the same whatever came
     * before, so the block of one megabyte is deflated once and repeated.
     */
    public static byte[] deflated(byte[] prefix, int megabytes) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.zip.Adler32 check = new java.util.zip.Adler32();
        byte[] megabyte = new byte[1024 * 1024];
        java.util.Arrays.fill(megabyte, (byte) ' ');
        out.writeBytes(flushed(deflater, prefix));
        check.update(prefix);
        byte[] block = flushed(deflater, megabyte);
        for (int i = 0; i < megabytes; i++) {
            out.writeBytes(block);
            check.update(megabyte);
        }
        deflater.end();
        // An empty final block with fixed codes, then the Adler-32 of everything, big-endian.
        out.write(0x03);
        out.write(0x00);
        long adler = check.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (adler >>> shift) & 0xff);
        }
        return out.toByteArray();
    }

    private static byte[] flushed(java.util.zip.Deflater deflater, byte[] input) {
        deflater.setInput(input);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }

    /**
     * A PDF whose catalog, page tree and page live in an object stream that decodes to
     * {@code megabytes} MB (spaces after the objects): PDFBox decodes an object stream whole, in
     * memory, as it opens the file. {@code brokenCrossReference} points {@code startxref} nowhere,
     * so that a lenient reader repairs the file by searching it for object streams.
     */
    public static byte[] aPdfWhoseObjectStreamDecodesTo(int megabytes, boolean brokenCrossReference) {
        String[] objects = {
            "<< /Type /Catalog /Pages 3 0 R >>\n",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>\n",
            "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>\n"
        };
        StringBuilder offsets = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < objects.length; i++) {
            offsets.append(i + 2).append(' ').append(body.length()).append(' ');
            body.append(objects[i]);
        }
        String first = offsets.toString();
        byte[] stream = deflated((first + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), megabytes);
        RawPdf pdf = new RawPdf();
        long objectStream =
                pdf.stream(1, "/Type /ObjStm /N 3 /First " + first.length() + " /Filter /FlateDecode", stream);
        long xrefAt = pdf.offset();
        byte[] entries = RawPdf.entries(
                new long[][] {{0, 0, 0xffff}, {1, objectStream, 0}, {2, 1, 0}, {2, 1, 1}, {2, 1, 2}, {1, xrefAt, 0}});
        pdf.stream(5, "/Type /XRef /Size 6 /W [1 4 2] /Root 2 0 R", entries);
        return pdf.end(brokenCrossReference ? xrefAt + 7 : xrefAt);
    }

    /**
     * A PDF whose cross-reference stream decodes to {@code megabytes} MB (spaces after its entries):
     * PDFBox decodes it whole, in memory, to find the objects.
     */
    public static byte[] aPdfWhoseCrossReferenceStreamDecodesTo(int megabytes) {
        RawPdf pdf = new RawPdf();
        long catalog = pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        long pages = pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        long page = pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        long xrefAt = pdf.offset();
        byte[] entries = RawPdf.entries(
                new long[][] {{0, 0, 0xffff}, {1, catalog, 0}, {1, pages, 0}, {1, page, 0}, {1, xrefAt, 0}});
        pdf.stream(4, "/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode", deflated(entries, megabytes));
        return pdf.end(xrefAt);
    }

    /** A PDF written byte by byte, its offsets known. */
    private static final class RawPdf {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        RawPdf() {
            text("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        long offset() {
            return out.size();
        }

        long object(int number, String dictionary) {
            long at = offset();
            text(number + " 0 obj\n" + dictionary + "\nendobj\n");
            return at;
        }

        long stream(int number, String dictionary, byte[] data) {
            long at = offset();
            text(number + " 0 obj\n<< " + dictionary + " /Length " + data.length + " >>\nstream\n");
            out.writeBytes(data);
            text("\nendstream\nendobj\n");
            return at;
        }

        byte[] end(long startxref) {
            text("startxref\n" + startxref + "\n%%EOF\n");
            return out.toByteArray();
        }

        /** Cross-reference stream entries of widths 1, 4 and 2. */
        static byte[] entries(long[][] rows) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (long[] row : rows) {
                bytes.write((int) row[0]);
                for (int shift = 24; shift >= 0; shift -= 8) {
                    bytes.write((int) (row[1] >>> shift) & 0xff);
                }
                bytes.write((int) (row[2] >>> 8) & 0xff);
                bytes.write((int) row[2] & 0xff);
            }
            return bytes.toByteArray();
        }

        private void text(String text) {
            out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }
}
