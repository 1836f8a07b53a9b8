package vn.congvan.audit.chain;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the audit trail's hash chain: intact, or the first record where it breaks
 * and why ({@link #HASH_MISMATCH}, {@link #LINK_BROKEN}, {@link #GAP}). {@code recordsChecked}
 * counts the intact records before the break (all of them when intact); {@code lastHash} is the
 * hash of the last record of an intact chain, which an operator may note down to detect later a
 * removal of the newest records.
 */
public record AuditVerification(
        boolean intact,
        long recordsChecked,
        @Nullable Long firstBrokenSeq,
        @Nullable String reason,
        @Nullable String lastHash) {

    /** The record's content does not give its hash: it was changed after it was written. */
    public static final String HASH_MISMATCH = "audit.verify.hash-mismatch";

    /** The record does not point to the hash of the record before it: one of them was replaced. */
    public static final String LINK_BROKEN = "audit.verify.link-broken";

    /** A sequence number is missing: a record was removed. */
    public static final String GAP = "audit.verify.gap";

    /**
     * The chain no longer gives the hash a signed checkpoint vouches for: it was rewritten from a
     * record after the last checkpoint that still matches ({@code firstBrokenSeq}) on.
     */
    public static final String CHECKPOINT_MISMATCH = "audit.verify.checkpoint-mismatch";

    /** The chain ends before the last signed checkpoint: its newest records were removed. */
    public static final String CUT_END = "audit.verify.cut-end";

    public static AuditVerification intact(long recordsChecked, @Nullable String lastHash) {
        return new AuditVerification(true, recordsChecked, null, null, lastHash);
    }

    public static AuditVerification broken(long recordsChecked, long firstBrokenSeq, String reason) {
        return new AuditVerification(false, recordsChecked, firstBrokenSeq, reason, null);
    }
}
