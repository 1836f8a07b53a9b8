package vn.congvan.signing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.DecompressionBombs;
import vn.congvan.SamplePdf;
import vn.congvan.platform.PdfBounds;
import vn.congvan.shared.DomainException;

/**
 * The plug-in's signed revision is compared with the file handed out by drawing their pages: what
 * the pages would cost to draw is measured first, and a file past the bounds is refused as too large
 * instead of drawn. The signature here is a placeholder, so a file that is drawn and compared is
 * refused later, for its signature's content.
 */
class SignedRevisionBoundsTests {

    @TempDir
    Path dir;

    @Test
    void aSignedRevisionOfAPdfWithOneImageThatDecodesToAGigabyteIsRefusedAsTooLargeInsteadOfDrawn() throws IOException {
        Path original =
                Files.write(dir.resolve("handed-out.pdf"), DecompressionBombs.aPdfWithAnImageThatDecodesTo(1024));

        assertThatThrownBy(() -> SignedRevision.newSignature(original, signed(original), PdfBounds.defaults()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("platform.pdf.too-large-to-draw"));
    }

    @Test
    void aSignedRevisionOfAPageOf14400By14400PointsIsRefusedAsTooLargeInsteadOfDrawn() throws IOException {
        Path original = dir.resolve("handed-out.pdf");
        try (PDDocument document = Loader.loadPDF(SamplePdf.withText("Bản đồ quy hoạch"))) {
            document.getPage(0).setMediaBox(new PDRectangle(14_400, 14_400));
            document.save(original.toFile());
        }

        assertThatThrownBy(() -> SignedRevision.newSignature(original, signed(original), PdfBounds.defaults()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("platform.pdf.too-large-to-draw"));
    }

    @Test
    void aSignedRevisionOfAScannedDossierIsStillDrawnAndCompared() throws IOException {
        Path original = Files.write(dir.resolve("handed-out.pdf"), DecompressionBombs.aScannedDossier(3));

        // Past the comparison of the pages, only the placeholder signature itself is refused.
        assertThatThrownBy(() -> SignedRevision.newSignature(original, signed(original), PdfBounds.defaults()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("signing.reason.format"));
    }

    /** The file with one signature appended as an incremental update, as the plug-in appends it. */
    private Path signed(Path original) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(original.toFile())) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            document.addSignature(signature);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.getContent().readAllBytes();
            external.setSignature(new byte[] {1, 2, 3});
        }
        return Files.write(dir.resolve("signed-back.pdf"), out.toByteArray());
    }
}
