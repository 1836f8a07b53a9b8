package vn.congvan.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.DecompressionBombs;
import vn.congvan.SamplePdf;

/** Placing a signature reads a PDF's text: a PDF that decodes to gigabytes is laid out at once, without it. */
class PdfLayoutBoundsTests {

    @Test
    void aDecompressionBombPdfIsLaidOutPromptlyWithoutItsText(@TempDir Path dir) throws Exception {
        Path bomb = Files.write(dir.resolve("bom.pdf"), DecompressionBombs.aPdfWhosePageDecodesToAGigabyte("CHU TICH"));

        PdfLayout layout = PdfLayout.read(bomb, vn.congvan.platform.PdfBounds.defaults());

        assertThat(layout.pageCount()).isEqualTo(1);
        assertThat(layout.lastOccurrenceOf("CHU TICH")).isEmpty();
    }

    @Test
    void anOrdinaryPdfKeepsItsText(@TempDir Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("qd.pdf"), SamplePdf.withText("QUYẾT ĐỊNH", "CHỦ TỊCH"));

        assertThat(PdfLayout.read(pdf, vn.congvan.platform.PdfBounds.defaults()).lastOccurrenceOf("Chủ tịch"))
                .isPresent();
    }
}
