package vn.congvan.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditRecordView;

/**
 * A row of {@code audit_record} exactly as stored, and the hash that seals it:
 * {@code hash = lowercase hex SHA-256 of the UTF-8 bytes of}
 *
 * <pre>
 * prev_hash|seq|recorded_at|actor_id|actor_name|action|subject_type|subject_id|unit_id|details
 * </pre>
 *
 * where {@code seq} is in decimal, {@code recorded_at} is UTC with exactly six fraction digits
 * ({@code 2026-03-01T02:15:09.123456Z}, the precision PostgreSQL keeps), the ids are lowercase UUIDs
 * or empty when absent, the four free texts have {@code \} written {@code \\} and {@code |} written
 * {@code \|} (so no field can pass for its neighbour), and {@code details} is the stored
 * {@link CanonicalDetails} text. The first record's {@code prev_hash} is 64 zeros.
 */
record ChainRecord(
        long seq,
        Instant recordedAt,
        @Nullable UUID actorId,
        String actorName,
        String action,
        String subjectType,
        String subjectId,
        @Nullable UUID unitId,
        String details,
        String prevHash,
        String hash) {

    static final String GENESIS_HASH = "0".repeat(64);
    static final String COLUMNS =
            "seq, recorded_at, actor_id, actor_name, action, subject_type, subject_id, unit_id, details, prev_hash, hash";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The record that follows {@code prevHash} at {@code seq}, sealed with its hash. */
    static ChainRecord seal(long seq, String prevHash, Instant recordedAt, AuditEntry entry) {
        ChainRecord unsealed = new ChainRecord(
                seq,
                recordedAt.truncatedTo(ChronoUnit.MICROS),
                entry.actorId(),
                entry.actorName(),
                entry.action().value(),
                entry.subjectType(),
                entry.subjectId(),
                entry.unitId(),
                CanonicalDetails.write(entry.details()),
                prevHash,
                "");
        return new ChainRecord(
                unsealed.seq,
                unsealed.recordedAt,
                unsealed.actorId,
                unsealed.actorName,
                unsealed.action,
                unsealed.subjectType,
                unsealed.subjectId,
                unsealed.unitId,
                unsealed.details,
                unsealed.prevHash,
                unsealed.computeHash());
    }

    /** The hash this record's content gives, to compare with the stored {@link #hash}. */
    String computeHash() {
        String input = String.join(
                "|",
                prevHash,
                Long.toString(seq),
                TIMESTAMP.format(recordedAt),
                actorId == null ? "" : actorId.toString(),
                escaped(actorName),
                escaped(action),
                escaped(subjectType),
                escaped(subjectId),
                unitId == null ? "" : unitId.toString(),
                details);
        return HexFormat.of().formatHex(sha256().digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    AuditRecordView view() {
        return new AuditRecordView(
                seq,
                recordedAt,
                actorId,
                actorName,
                action,
                subjectType,
                subjectId,
                unitId,
                CanonicalDetails.read(details),
                prevHash,
                hash);
    }

    Object[] columnValues() {
        return new Object[] {
            seq,
            recordedAt.atOffset(ZoneOffset.UTC),
            actorId,
            actorName,
            action,
            subjectType,
            subjectId,
            unitId,
            details,
            prevHash,
            hash
        };
    }

    static ChainRecord read(ResultSet rs, int row) throws SQLException {
        return new ChainRecord(
                rs.getLong("seq"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getObject("unit_id", UUID.class),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
