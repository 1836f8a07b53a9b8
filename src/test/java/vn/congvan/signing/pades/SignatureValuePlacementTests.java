package vn.congvan.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.signature.resources.InMemoryResourcesHandlerBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature value lands where DSS itself would put it, byte for byte, found in large blocks. */
class SignatureValuePlacementTests {

    @TempDir
    Path directory;

    final byte[] value = new byte[300];

    {
        new Random(20261206L).nextBytes(value);
    }

    @Test
    void theValueFillsTheReservedSpaceExactlyAsDssWritesIt() throws IOException {
        byte[] prepared = pdf(binary(5_000), "/Contents <" + "0".repeat(2 * value.length + 400) + ">");

        assertThat(placed(prepared)).isEqualTo(byDss(prepared));
    }

    @Test
    void aReservedSpaceAcrossTheBoundaryOfTwoBlocksIsFound() throws IOException {
        // The space opens a few bytes before the first megabyte ends.
        byte[] prepared = pdf(binary((1 << 20) - 20), "<" + "0".repeat(2 * value.length + 10) + ">");

        assertThat(placed(prepared)).isEqualTo(byDss(prepared));
    }

    @Test
    void shorterRunsOfZerosAndZerosNotOpenedByAnAngleBracketAreLeftAlone() throws IOException {
        byte[] prepared = pdf(
                ("<" + "0".repeat(2 * value.length - 1) + "> 1" + "0".repeat(4 * value.length) + " <<")
                        .getBytes(StandardCharsets.US_ASCII),
                "<" + "0".repeat(2 * value.length) + ">");

        assertThat(placed(prepared)).isEqualTo(byDss(prepared));
    }

    @Test
    void aFileWithTwoReservedSpacesIsLeftToDssWhichRefusesIt() throws IOException {
        String space = "<" + "0".repeat(2 * value.length) + ">";
        byte[] prepared = pdf(space.getBytes(StandardCharsets.US_ASCII), space);

        assertThat(new SignatureValuePlacement(value)
                        .place(new ByteArrayInputStream(prepared), directory.resolve("signed.pdf")))
                .isFalse();
        assertThatThrownBy(() -> byDss(prepared)).hasMessageContaining("more than one empty signature");
    }

    @Test
    void aFileWithoutAReservedSpaceIsLeftToDss() throws IOException {
        byte[] prepared = pdf(binary(3_000), "/Contents <00>");

        assertThat(new SignatureValuePlacement(value)
                        .place(new ByteArrayInputStream(prepared), directory.resolve("signed.pdf")))
                .isFalse();
    }

    private byte[] placed(byte[] prepared) throws IOException {
        Path signed = directory.resolve("signed.pdf");
        assertThat(new SignatureValuePlacement(value).place(new ByteArrayInputStream(prepared), signed))
                .isTrue();
        return Files.readAllBytes(signed);
    }

    private byte[] byDss(byte[] prepared) throws IOException {
        try (var in = PAdESUtils.replaceSignature(
                        new InMemoryDocument(prepared), value, new InMemoryResourcesHandlerBuilder())
                .openStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] pdf(byte[] before, String space) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        out.write(before);
        out.write(("\n1 0 obj\n<< /Type /Sig " + space + " >>\nendobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Bytes as a compressed stream has them, zeros and angle brackets among them. */
    private static byte[] binary(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
