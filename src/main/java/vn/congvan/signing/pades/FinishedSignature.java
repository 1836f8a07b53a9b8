package vn.congvan.signing.pades;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.congvan.platform.PdfBounds;
import vn.congvan.shared.DomainException;

/**
 * Checks a PDF just signed before anything keeps it: its newest signature must have a byte range
 * inside the file ({@code /ByteRange} {@code [0 a b c]} with {@code b + c} at most the file's
 * length; B-LT and B-LTA add revisions after it) and carry a value. A library that leaves the
 * placeholder in place (PDFBox did on files past 10⁹ bytes until {@link WideByteRange}) must not
 * produce a "signed" version that no validator accepts.
 */
final class FinishedSignature {

    private FinishedSignature() {}

    static void require(Path signed, PdfBounds bounds) {
        try {
            long length = Files.size(signed);
            try (PDDocument document = bounds.load(signed)) {
                List<PDSignature> signatures = document.getSignatureDictionaries();
                PDSignature newest = signatures.stream()
                        .max(Comparator.comparingLong(FinishedSignature::end))
                        .orElseThrow(FinishedSignature::unfinished);
                long[] range = byteRange(newest);
                boolean covers = range.length == 4
                        && range[0] == 0
                        && range[1] > 0
                        && range[2] > range[1]
                        && range[2] + range[3] <= length;
                if (!covers || !hasValue(newest.getContents())) {
                    throw unfinished();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long end(PDSignature signature) {
        long[] range = byteRange(signature);
        return range.length == 4 ? range[2] + range[3] : -1;
    }

    /** The byte range as longs: PDFBox's {@code getByteRange()} truncates offsets past 2 GiB. */
    private static long[] byteRange(PDSignature signature) {
        COSArray array = signature.getCOSObject().getCOSArray(COSName.BYTERANGE);
        if (array == null) {
            return new long[0];
        }
        long[] range = new long[array.size()];
        for (int i = 0; i < range.length; i++) {
            range[i] = array.getObject(i) instanceof COSNumber number ? number.longValue() : -1;
        }
        return range;
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
