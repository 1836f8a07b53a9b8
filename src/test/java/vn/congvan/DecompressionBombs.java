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
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            org.apache.pdfbox.cos.COSStream spaces = pdf.getDocument().createCOSStream();
            try (var deflated = new java.util.zip.DeflaterOutputStream(spaces.createRawOutputStream(),
                    new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION), 1 << 16)) {
                byte[] megabyte = new byte[1024 * 1024];
                java.util.Arrays.fill(megabyte, (byte) ' ');
                for (int i = 0; i < 1024; i++) {
                    deflated.write(megabyte);
                }
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
}
