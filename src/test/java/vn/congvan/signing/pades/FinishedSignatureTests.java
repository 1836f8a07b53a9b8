package vn.congvan.signing.pades;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.SamplePdf;
import vn.congvan.shared.DomainException;

/** A PDF the signing library left unfinished is never kept as signed. */
class FinishedSignatureTests {

    @TempDir
    Path directory;

    @Test
    void aSignatureWithItsValueInPlaceAndCoveringTheFileIsFinished() throws IOException {
        Path pdf = signed(new byte[] {0x30, (byte) 0x82, 0x01, 0x02});

        assertThatCode(() -> FinishedSignature.require(pdf, vn.congvan.platform.PdfBounds.defaults()))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureWhoseValueIsStillBlankIsRefused() throws IOException {
        Path pdf = signed(new byte[0]);

        assertThatThrownBy(() -> FinishedSignature.require(pdf, vn.congvan.platform.PdfBounds.defaults()))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("signing.pdf.unfinished");
    }

    @Test
    void aPdfWithoutSignatureIsRefused() throws IOException {
        Path pdf = directory.resolve("plain.pdf");
        Files.write(pdf, SamplePdf.withText("Công văn chưa ký"));

        assertThatThrownBy(() -> FinishedSignature.require(pdf, vn.congvan.platform.PdfBounds.defaults()))
                .isInstanceOf(DomainException.class);
    }

    private Path signed(byte[] value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(SamplePdf.withText("Quyết định", "CHỦ TỊCH"))) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            document.addSignature(signature);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.getContent().readAllBytes();
            external.setSignature(value);
        }
        Path pdf = directory.resolve("signed.pdf");
        Files.write(pdf, out.toByteArray());
        return pdf;
    }
}
