package vn.congvan.signing.pades;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.congvan.shared.DomainException;

/**
 * Checks a PDF just signed before anything keeps it: its newest signature must have a byte range
 * inside the file ({@code /ByteRange} {@code [0 a b c]} with {@code b + c} at most the file's
 * length; B-LT and B-LTA add revisions after it) and carry a value. A library that leaves the placeholder in place (seen with PDFBox on
 * files past a gigabyte) must not produce a "signed" version that no validator accepts.
 */
final class FinishedSignature {

    private FinishedSignature() {}

    static void require(Path signed) {
        try {
            long length = Files.size(signed);
            try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(signed))) {
                List<PDSignature> signatures = document.getSignatureDictionaries();
                PDSignature newest = signatures.stream()
                        .max(Comparator.comparingLong(FinishedSignature::end))
                        .orElseThrow(FinishedSignature::unfinished);
                int[] range = newest.getByteRange();
                boolean covers = range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                        && (long) range[2] + range[3] <= length;
                if (!covers || !hasValue(newest.getContents())) {
                    throw unfinished();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long end(PDSignature signature) {
        int[] range = signature.getByteRange();
        return range.length == 4 ? (long) range[2] + range[3] : -1;
    }

    private static boolean hasValue(byte[] contents) {
        for (byte b : contents) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static DomainException unfinished() {
        return DomainException.conflict("signing.pdf.unfinished");
    }
}
