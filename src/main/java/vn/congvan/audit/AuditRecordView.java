package vn.congvan.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A record of the audit trail as read back: its place in the chain, what was done, and its hashes. */
public record AuditRecordView(
        long seq,
        Instant recordedAt,
        @Nullable UUID actorId,
        String actorName,
        String action,
        String subjectType,
        String subjectId,
        @Nullable UUID unitId,
        Map<String, String> details,
        String prevHash,
        String hash) {}
