package vn.congvan.exchange.axis;

import java.util.UUID;

/**
 * Published when the poller has stored a new package from the hub, in the transaction that stored
 * it: the package is the blob {@code sha256}. A package received again (same hub id, or a document
 * with the same DocumentId, business type and sender) is not announced twice.
 */
public record AxisPackageReceived(
        UUID inboxId,
        String hubId,
        AxisPackageKind kind,
        String documentId,
        String fromOrganId,
        String sha256,
        long size) {}
