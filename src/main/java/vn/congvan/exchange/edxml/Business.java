package vn.congvan.exchange.edxml;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The business part of a package ({@code Bussiness}): what it does to which document, why, whether
 * a paper copy follows, and for updates and replacements which recipients and documents change.
 *
 * @param documentInfo {@code BussinessDocumentInfo/DocumentInfo}: whether an update changes the
 *     document's information (1) or not (0); empty when the package says nothing
 * @param documentReceiver {@code BussinessDocumentInfo/DocumentReceiver}: whether an update changes
 *     the recipients (1) or not (0); empty when the package says nothing
 */
public record Business(
        BusinessDocType docType,
        String docReason,
        String documentId,
        boolean paper,
        String documentInfo,
        String documentReceiver,
        List<Receiver> receivers,
        List<Replacement> replacements,
        @Nullable StaffInfo staffInfo) {

    public Business {
        receivers = List.copyOf(receivers);
        replacements = List.copyOf(replacements);
    }
}
