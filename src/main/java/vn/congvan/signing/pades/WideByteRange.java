package vn.congvan.signing.pades;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Widens the byte range PDFBox reserves for a signature about to be written. PDFBox 3.0 reserves
 * {@code [0 1000000000 1000000000 1000000000]} and recognises the signature it is writing by the
 * reserved offset lying past the end of the file; on a file of more than 10⁹ bytes it no longer
 * does, skips the signing and leaves the placeholder in the file. Eleven digits reserve room, and
 * recognition, for files up to 100 GB.
 */
final class WideByteRange {

    static final long RESERVED = 99_999_999_999L;
    private static final long PDFBOX_RESERVED = 1_000_000_000L;

    private WideByteRange() {}

    static void widen(PDDocument document) {
        for (PDSignature signature : document.getSignatureDictionaries()) {
            COSArray range = signature.getCOSObject().getCOSArray(COSName.BYTERANGE);
            if (range != null && isPdfBoxPlaceholder(range)) {
                for (int i = 1; i < 4; i++) {
                    range.set(i, COSInteger.get(RESERVED));
                }
            }
        }
    }

    private static boolean isPdfBoxPlaceholder(COSArray range) {
        if (range.size() != 4 || !isNumber(range.get(0), 0)) {
            return false;
        }
        for (int i = 1; i < 4; i++) {
            if (!isNumber(range.get(i), PDFBOX_RESERVED)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(COSBase value, long expected) {
        return value instanceof COSInteger number && number.longValue() == expected;
    }
}
