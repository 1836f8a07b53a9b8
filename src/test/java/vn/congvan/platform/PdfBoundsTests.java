package vn.congvan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
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

    static final PdfBounds EIGHT_MEGABYTES = new PdfBounds(new PdfLimits(DataSize.ofMegabytes(8), Duration.ofSeconds(20)));

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

    private Path write(byte[] pdf) throws IOException {
        return Files.write(Files.createTempFile(dir, "bom", ".pdf"), pdf);
    }
}
