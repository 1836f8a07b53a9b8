package vn.congvan.signing.document;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.pades.CopyForm;
import vn.congvan.signing.pades.PdfLayout;
import vn.congvan.signing.pades.VisibleSignature;

/** Decides where each kind of signature shows on a document's pages. */
final class Placements {

    /** Space kept between the signature box and the signer's name under it, or the position above it. */
    private static final float ABOVE_NAME = 4;

    private Placements() {}

    /**
     * The personal signature: at the coordinates asked, else centred on the marker text, else just
     * above the signer's name (the decree puts the image between the position and the name), else
     * just under the signer's position, else at the bottom right of the last page.
     */
    static VisibleSignature personal(
            SignatureRequest request,
            PdfLayout layout,
            byte[] image,
            String fullName,
            @Nullable String position,
            @Nullable String documentSignerName,
            @Nullable String documentSignerPosition) {
        float width = VisibleSignature.PERSONAL_WIDTH;
        float height = VisibleSignature.PERSONAL_HEIGHT;
        if (request.x() != null && request.y() != null) {
            int page = request.page() != null ? request.page() : layout.pageCount();
            requirePage(layout, page);
            return VisibleSignature.personal(page, request.x(), request.y(), image, fullName, position);
        }
        if (request.marker() != null && !request.marker().isBlank()) {
            PdfLayout.Box marker = layout.lastOccurrenceOf(request.marker())
                    .orElseThrow(() -> DomainException.invalid("signing.placement.marker-not-found", request.marker()));
            float x = marker.x() + marker.width() / 2 - width / 2;
            float y = marker.y() + marker.height() / 2 - height / 2;
            return inside(layout, marker.page(), x, y, image, fullName, position);
        }
        Optional<PdfLayout.Box> name = layout.lastOccurrenceOf(fullName);
        if (name.isEmpty() && documentSignerName != null) {
            name = layout.lastOccurrenceOf(documentSignerName);
        }
        if (name.isPresent()) {
            PdfLayout.Box box = name.get();
            float x = box.x() + box.width() / 2 - width / 2;
            float y = box.y() - ABOVE_NAME - height;
            return inside(layout, box.page(), x, y, image, fullName, position);
        }
        Optional<PdfLayout.Box> title =
                documentSignerPosition == null ? Optional.empty() : layout.lastOccurrenceOf(documentSignerPosition);
        if (title.isPresent()) {
            PdfLayout.Box box = title.get();
            float x = box.x() + box.width() / 2 - width / 2;
            return inside(layout, box.page(), x, box.y() + box.height() + ABOVE_NAME, image, fullName, position);
        }
        int last = layout.pageCount();
        return inside(
                layout,
                last,
                layout.pageWidth(last) - width - 60,
                layout.pageHeight(last) - height - 80,
                image,
                fullName,
                position);
    }

    /** The organization signature on the main file: the seal over the left third of the personal signature. */
    static VisibleSignature seal(PdfLayout.Box personal, byte[] sealImage) {
        return VisibleSignature.seal(sealImage, personal);
    }

    /** The organization signature of an attachment in its own file, or of an electronic copy. */
    static VisibleSignature information(
            DocumentView document, boolean attachment, String unitName, Instant signingTime) {
        Optional<CopyForm> copy = copyForm(document.documentType());
        if (!attachment && copy.isPresent()) {
            return VisibleSignature.copy(copy.get(), unitName, signingTime);
        }
        String notation = document.notation() != null ? document.notation() : "";
        return VisibleSignature.attachment(notation, signingTime);
    }

    static Optional<CopyForm> copyForm(DocumentType type) {
        return switch (type) {
            case SAO_Y -> Optional.of(CopyForm.SAO_Y);
            case SAO_LUC -> Optional.of(CopyForm.SAO_LUC);
            case TRICH_SAO -> Optional.of(CopyForm.TRICH_SAO);
            default -> Optional.empty();
        };
    }

    private static VisibleSignature inside(
            PdfLayout layout, int page, float x, float y, byte[] image, String fullName, @Nullable String position) {
        float maxX = layout.pageWidth(page) - VisibleSignature.PERSONAL_WIDTH;
        float maxY = layout.pageHeight(page) - VisibleSignature.PERSONAL_HEIGHT;
        return VisibleSignature.personal(page, clamp(x, maxX), clamp(y, maxY), image, fullName, position);
    }

    private static float clamp(float value, float max) {
        return Math.max(0, Math.min(value, Math.max(0, max)));
    }

    private static void requirePage(PdfLayout layout, int page) {
        if (page < 1 || page > layout.pageCount()) {
            throw DomainException.invalid("signing.placement.page", page, layout.pageCount());
        }
    }
}
