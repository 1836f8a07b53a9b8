package vn.congvan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.congvan.DecompressionBombs;
import vn.congvan.SamplePdf;

/**
 * Opening a PDF decodes its cross-reference and object streams whole, in memory: a file of kilobytes
 * that decodes to gigabytes is refused as it is opened, whatever its cross-reference says. The
 * bound is set low here (8 MB) so that the bombs (64 MB) stay cheap to make and to refuse.
 */
class PdfBoundsTests {

    private static final java.nio.charset.Charset ISO = java.nio.charset.StandardCharsets.ISO_8859_1;

    static final PdfBounds EIGHT_MEGABYTES = new PdfBounds(
            new PdfLimits(DataSize.ofMegabytes(8), Duration.ofSeconds(20), DataSize.ofMegabytes(8), 40_000_000));

    @TempDir
    Path dir;

    @Test
    void theBombsDecodeToWhatTheySay() throws IOException {
        byte[] stream = DecompressionBombs.deflated("1 0 ".getBytes(), 64);

        long decoded;
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(stream))) {
            decoded = in.transferTo(java.io.OutputStream.nullOutputStream());
        }

        assertThat(decoded).isEqualTo(4 + 64L * 1024 * 1024);
        assertThat(stream.length).as("the stream sent").isLessThan(200 * 1024);
    }

    @Test
    void theBombsAreRealPdfsThatPdfBoxAloneOpensDecodingThemWhole() throws IOException {
        for (byte[] pdf : new byte[][] {
            DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(64, false),
            DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(64, true),
            DecompressionBombs.aPdfWhoseCrossReferenceStreamDecodesTo(64)
        }) {
            try (PDDocument opened = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(opened.getNumberOfPages()).isEqualTo(1);
            }
        }
    }

    @Test
    void aPdfWhoseObjectStreamDecodesPastTheBoundIsRefusedAsItIsOpened() throws IOException {
        Path bomb = write(DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(64, false));

        assertThatThrownBy(() -> EIGHT_MEGABYTES.load(bomb)).isInstanceOf(PdfBounds.TooLarge.class);
    }

    @Test
    void aPdfWhoseCrossReferenceStreamDecodesPastTheBoundIsRefusedAsItIsOpened() throws IOException {
        Path bomb = write(DecompressionBombs.aPdfWhoseCrossReferenceStreamDecodesTo(64));

        assertThatThrownBy(() -> EIGHT_MEGABYTES.load(bomb)).isInstanceOf(PdfBounds.TooLarge.class);
    }

    @Test
    void anObjectStreamBehindABrokenCrossReferenceIsNotRepairedIntoMemory() throws IOException {
        // A lenient PDFBox searches the file for "/ObjStm" and decodes what it finds, unmeasured.
        Path bomb = write(DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(64, true));

        assertThatThrownBy(() -> EIGHT_MEGABYTES.load(bomb)).isInstanceOf(IOException.class);
    }

    @Test
    void theSameFilesWithinTheBoundOpenWithTheirPage() throws IOException {
        for (byte[] pdf : new byte[][] {
            DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(4, false),
            DecompressionBombs.aPdfWhoseCrossReferenceStreamDecodesTo(4),
            SamplePdf.withText("QUYẾT ĐỊNH", "CHỦ TỊCH")
        }) {
            try (PDDocument opened = EIGHT_MEGABYTES.load(write(pdf))) {
                assertThat(opened.getNumberOfPages()).isEqualTo(1);
            }
        }
    }

    @Test
    void aPageThatDecodesPastTheBoundOpensButIsNotReadNorDrawn() throws IOException {
        Path bomb = write(DecompressionBombs.aPdfWhosePageDecodesToAGigabyte("CHU TICH"));

        try (PDDocument opened = EIGHT_MEGABYTES.load(bomb)) {
            assertThat(EIGHT_MEGABYTES.decodesWithin(opened)).isFalse();
            assertThatThrownBy(() -> EIGHT_MEGABYTES.requireWithin(opened)).isInstanceOf(PdfBounds.TooLarge.class);
        }
    }

    @Test
    void oneImageWhoseStreamDecodesPastTheImageBoundIsNotDrawnThoughItsDictionarySaysAMegabyte() throws IOException {
        Path bomb = write(DecompressionBombs.aPdfWithAnImageThatDecodesTo(64));

        try (PDDocument opened = EIGHT_MEGABYTES.load(bomb)) {
            // Images are not counted with the page streams: a scanned dossier holds gigabytes of them.
            assertThat(EIGHT_MEGABYTES.decodesWithin(opened)).isTrue();
            assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 1f)).isFalse();
            assertThatThrownBy(() -> EIGHT_MEGABYTES.requireDrawable(opened, 0.5f))
                    .isInstanceOf(PdfBounds.TooLarge.class);
        }
    }

    @Test
    void anImageThatDeclaresMorePixelsThanTheBoundIsNotDrawnWhateverItsStreamHolds() throws IOException {
        // 60 000 × 60 000 grey pixels declared over a few bytes: PDFBox would allocate 3.6 GB to draw it.
        Path bomb = write(DecompressionBombs.aPdfDrawing(
                DecompressionBombs.image(60_000, 60_000, DecompressionBombs.deflated(new byte[0], 0)), PDRectangle.A4));

        try (PDDocument opened = EIGHT_MEGABYTES.load(bomb)) {
            assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 1f)).isFalse();
        }
    }

    @Test
    void aJpegWhoseOwnHeaderDeclaresMoreThanItsDictionaryIsMeasuredByItsHeader() throws IOException {
        // A 4000 × 4000 grey JPEG of one colour (16 MB drawn, a few kilobytes sent) that the PDF calls 10 × 10.
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(4000, 4000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpeg", jpeg);
        COSStream image = DecompressionBombs.image(10, 10, jpeg.toByteArray());
        image.setItem(COSName.FILTER, COSName.DCT_DECODE);

        try (PDDocument opened = EIGHT_MEGABYTES.load(write(DecompressionBombs.aPdfDrawing(image, PDRectangle.A4)))) {
            assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 1f)).isFalse();
        }
    }

    @Test
    void anInlineImageInAFormOfATilingPatternThatDecodesPastTheBoundIsFoundThroughACycleOfForms() throws IOException {
        byte[] bomb = DecompressionBombs.deflated(new byte[0], 64);
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            // The form draws an inline image and itself (a cycle a reader must not follow for ever).
            COSStream form = new COSStream();
            try (java.io.OutputStream out = form.createOutputStream()) {
                out.write(("BI /W 16 /H 16 /BPC 8 /CS /G /F /Fl /L " + bomb.length + " ID ").getBytes(ISO));
                out.write(bomb);
                out.write("\nEI /Fm0 Do\n".getBytes(ISO));
            }
            form.setItem(COSName.SUBTYPE, COSName.FORM);
            form.setItem(COSName.RESOURCES, resources(COSName.XOBJECT, "Fm0", form));
            COSStream pattern = new COSStream();
            try (java.io.OutputStream out = pattern.createOutputStream()) {
                out.write("/Fm0 Do\n".getBytes(ISO));
            }
            pattern.setInt(COSName.PATTERN_TYPE, 1);
            pattern.setItem(COSName.RESOURCES, resources(COSName.XOBJECT, "Fm0", form));
            page.getCOSObject().setItem(COSName.RESOURCES, resources(COSName.PATTERN, "P0", pattern));
            Path file = dir.resolve("pattern.pdf");
            pdf.save(file.toFile());

            try (PDDocument opened = EIGHT_MEGABYTES.load(file)) {
                assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 1f)).isFalse();
            }
        }
    }

    @Test
    void anImageInTheAppearanceOfACheckBoxStateIsMeasuredToo() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            COSStream checked = new COSStream();
            try (java.io.OutputStream out = checked.createOutputStream()) {
                out.write("q 10 0 0 10 0 0 cm /Im0 Do Q\n".getBytes(ISO));
            }
            checked.setItem(COSName.SUBTYPE, COSName.FORM);
            checked.setItem(
                    COSName.RESOURCES,
                    resources(
                            COSName.XOBJECT,
                            "Im0",
                            DecompressionBombs.image(1024, 1024, DecompressionBombs.deflated(new byte[0], 64))));
            COSDictionary states = new COSDictionary();
            states.setItem(COSName.getPDFName("On"), checked);
            COSDictionary appearances = new COSDictionary();
            appearances.setItem(COSName.N, states);
            COSDictionary box = new COSDictionary();
            box.setItem(COSName.TYPE, COSName.ANNOT);
            box.setItem(COSName.SUBTYPE, COSName.WIDGET);
            box.setItem(COSName.AP, appearances);
            org.apache.pdfbox.cos.COSArray annotations = new org.apache.pdfbox.cos.COSArray();
            annotations.add(box);
            page.getCOSObject().setItem(COSName.ANNOTS, annotations);
            Path file = dir.resolve("checkbox.pdf");
            pdf.save(file.toFile());

            try (PDDocument opened = EIGHT_MEGABYTES.load(file)) {
                assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 1f)).isFalse();
            }
        }
    }

    @Test
    void aPageOf14400By14400PointsIsNotDrawnNeitherAt72NorAt36Dpi() throws IOException {
        Path huge = write(SamplePdf.withText("Bản vẽ"));
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(huge.toFile())) {
            pdf.getPage(0).setMediaBox(new PDRectangle(14_400, 14_400));
            pdf.save(huge.toFile());
        }

        try (PDDocument opened = EIGHT_MEGABYTES.load(huge)) {
            assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 1f)).isFalse();
            assertThat(EIGHT_MEGABYTES.drawsWithin(opened, 0.5f)).isFalse();
        }
    }

    @Test
    void aScannedDossierOfOrdinaryImagesIsDrawnWithinTheDefaultBounds() throws IOException {
        // Three A4 pages scanned at 300 dpi, grey, each some 9 MB drawn; an A3 colour page at 150 dpi.
        try (PDDocument pdf = new PDDocument()) {
            for (int[] scan : new int[][] {{2480, 3508, 1}, {2480, 3508, 1}, {2480, 3508, 1}, {2480, 1754, 3}}) {
                java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(
                        scan[0],
                        scan[1],
                        scan[2] == 1
                                ? java.awt.image.BufferedImage.TYPE_BYTE_GRAY
                                : java.awt.image.BufferedImage.TYPE_INT_RGB);
                PDPage page = new PDPage(scan[1] > scan[0] ? PDRectangle.A4 : new PDRectangle(1191, 842));
                pdf.addPage(page);
                var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf, picture);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                    content.drawImage(
                            image,
                            0,
                            0,
                            page.getMediaBox().getWidth(),
                            page.getMediaBox().getHeight());
                }
            }
            Path file = dir.resolve("scan.pdf");
            pdf.save(file.toFile());

            try (PDDocument opened = PdfBounds.defaults().load(file)) {
                assertThat(PdfBounds.defaults().decodesWithin(opened)).isTrue();
                assertThat(PdfBounds.defaults().drawsWithin(opened, 1f)).isTrue();
                assertThat(PdfBounds.defaults().drawsWithin(opened, 0.5f)).isTrue();
            }
        }
    }

    private static COSDictionary resources(COSName kind, String name, COSStream value) {
        COSDictionary named = new COSDictionary();
        named.setItem(COSName.getPDFName(name), value);
        COSDictionary resources = new COSDictionary();
        resources.setItem(kind, named);
        return resources;
    }

    private Path write(byte[] pdf) throws IOException {
        return Files.write(Files.createTempFile(dir, "bom", ".pdf"), pdf);
    }
}
