package vn.congvan.exchange.axis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A package to send over the axis: an edXML package already kept by the storage (its SHA-256 and
 * size), what it carries, its edXML DocumentId, the organIds it is addressed to and, optionally,
 * what it stands for locally (a document id, for instance).
 */
public record OutgoingPackage(
        AxisPackageKind kind,
        String documentId,
        String sha256,
        long size,
        List<String> recipients,
        @Nullable String localReference) {

    public OutgoingPackage {
        recipients = List.copyOf(recipients);
        if (size <= 0 || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a stored blob: " + sha256 + " (" + size + " bytes)");
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A package goes to at least one recipient");
        }
    }
}
