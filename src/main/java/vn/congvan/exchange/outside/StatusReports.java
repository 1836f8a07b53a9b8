package vn.congvan.exchange.outside;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.directory.UnitView;
import vn.congvan.exchange.axis.AxisOutbox;
import vn.congvan.exchange.axis.AxisPackageKind;
import vn.congvan.exchange.axis.OutgoingPackage;
import vn.congvan.exchange.edxml.DocumentCode;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.edxml.ResponseFor;
import vn.congvan.exchange.edxml.StaffInfo;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.StoredBlob;

/**
 * Tells the sender of a received document how far the recipient unit has gone with it, as a status
 * package through the axis (01 arrived, 02 refused, 03 registered, 04 assigned, 05 being handled,
 * 06 done, 15 revocation accepted, 16 revocation refused).
 */
@Component
public class StatusReports {

    private final PackageBlobs blobs;
    private final AxisOutbox outbox;

    StatusReports(PackageBlobs blobs, AxisOutbox outbox) {
        this.blobs = blobs;
        this.outbox = outbox;
    }

    /** The received document a status answers, as its sender named it. */
    public record Answered(
            String senderOrganId,
            String documentId,
            @Nullable String codeNumber,
            @Nullable String codeNotation,
            @Nullable LocalDate promulgationDate) {}

    /**
     * Queues the status for the sender, in the caller's transaction; nothing is sent when no axis
     * is configured (a package imported by hand has nobody to answer). Answers whether it was queued.
     */
    public boolean report(
            Answered to,
            UnitView recipient,
            String statusCode,
            String description,
            @Nullable String staffName,
            String localReference) {
        if (!outbox.configured()) {
            return false;
        }
        EdxmlStatus status = new EdxmlStatus(
                new ResponseFor(
                        to.senderOrganId(),
                        new DocumentCode(nullToEmpty(to.codeNumber()), nullToEmpty(to.codeNotation())),
                        to.promulgationDate(),
                        to.documentId()),
                Organisation.of(recipient.organId(), recipient.name()),
                statusCode,
                description,
                LocalDateTime.now(VietnamTime.ZONE),
                staffName == null ? null : new StaffInfo("", staffName, "", ""));
        StoredBlob blob = blobs.store(EdxmlPackage.ofStatus(status));
        outbox.enqueue(new OutgoingPackage(
                AxisPackageKind.STATUS,
                to.documentId(),
                blob.sha256(),
                blob.size(),
                List.of(to.senderOrganId()),
                localReference));
        return true;
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
