package vn.congvan.signing.pades;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.VietnamTime;

/**
 * Where a signature shows and what it shows, as Decree 30 Appendix I lays it out. Coordinates are
 * PDF points from the top-left corner of the page; an appearance anchored top right takes them as
 * margins from the top and right edges. A width or height of 0 leaves the size to the text.
 */
public record VisibleSignature(
        int page,
        float x,
        float y,
        boolean anchoredTopRight,
        float width,
        float height,
        byte @Nullable [] image,
        @Nullable String text,
        float fontSize) {

    /** Width of a personal signature: the signature image, with the name and position under it. */
    public static final float PERSONAL_WIDTH = 150;

    public static final float PERSONAL_HEIGHT = 90;

    /** Height of the two text lines under the signature image. */
    static final float PERSONAL_TEXT_HEIGHT = 26;

    /** A seal at its real size: 40 mm across. */
    public static final float SEAL_SIZE = 113;

    /** The text size of the signatures without image: 10 pt, as the decree asks. */
    static final float INFORMATION_FONT_SIZE = 10;

    static final float MARGIN = 28;

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** The competent person's signature: the image, then the name and the position, in the box at (x, y). */
    public static VisibleSignature personal(
            int page, float x, float y, byte[] signatureImage, String fullName, @Nullable String position) {
        String text = position == null || position.isBlank() ? fullName : fullName + "\n" + position;
        return new VisibleSignature(page, x, y, false, PERSONAL_WIDTH, PERSONAL_HEIGHT, signatureImage, text, 8);
    }

    /**
     * The organization signature: the seal at its real size, overlapping about one third of the
     * personal signature image on its left, centred on the image's height.
     */
    public static VisibleSignature seal(byte[] sealImage, PdfLayout.Box personal) {
        float imageHeight = personal.height() > PERSONAL_TEXT_HEIGHT * 2
                ? personal.height() - PERSONAL_TEXT_HEIGHT
                : personal.height();
        float x = personal.x() + personal.width() / 3 - SEAL_SIZE;
        float y = personal.y() + imageHeight / 2 - SEAL_SIZE / 2;
        return new VisibleSignature(
                personal.page(), Math.max(0, x), Math.max(0, y), false, SEAL_SIZE, SEAL_SIZE, sealImage, null, 0);
    }

    /**
     * The organization signature on an attachment in its own file: top right of page 1, no image,
     * the main document's number and notation and the signing time in ISO 8601, Vietnam time.
     */
    public static VisibleSignature attachment(String notation, Instant signingTime) {
        return information(notation + "\n" + iso(signingTime));
    }

    /** The organization signature on an electronic copy: top right of page 1, no image; form, unit and time. */
    public static VisibleSignature copy(CopyForm form, String copyingUnit, Instant signingTime) {
        return information(form.printed() + "\n" + copyingUnit + "\n" + iso(signingTime));
    }

    /** A signing time as the decree prints it: {@code 2026-03-15T14:05:09+07:00}. */
    public static String iso(Instant time) {
        return ISO_SECONDS.format(time.atZone(VietnamTime.ZONE));
    }

    private static VisibleSignature information(String text) {
        return new VisibleSignature(1, MARGIN, MARGIN, true, 0, 0, null, text, INFORMATION_FONT_SIZE);
    }
}
