package vn.congvan.audit.chain;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Walks the chain from the first record, a page at a time, recomputing every hash: a record whose
 * content was changed, one that does not point to its predecessor's hash, or a missing sequence
 * number breaks it. Then the signed checkpoints kept outside the database: a chain rewritten
 * consistently from any record on no longer gives a checkpoint's hash at its record, and a chain
 * whose newest records were removed no longer reaches the last checkpoint.
 */
@Component
public class ChainVerifier {

    static final int PAGE_SIZE = 1_000;

    private final AuditRecords records;
    private final AuditCheckpoints checkpoints;

    ChainVerifier(AuditRecords records, AuditCheckpoints checkpoints) {
        this.records = records;
        this.checkpoints = checkpoints;
    }

    public AuditVerification verify() {
        java.util.Map<Long, List<Checkpoint>> vouched = new java.util.HashMap<>();
        long lastCheckpoint = 0;
        for (Checkpoint checkpoint : checkpoints.valid()) {
            vouched.computeIfAbsent(checkpoint.seq(), seq -> new java.util.ArrayList<>())
                    .add(checkpoint);
            lastCheckpoint = Math.max(lastCheckpoint, checkpoint.seq());
        }
        long lastMatched = 0;
        long expectedSeq = 1;
        String expectedPrevHash = ChainRecord.GENESIS_HASH;
        while (true) {
            List<ChainRecord> page = records.after(expectedSeq - 1, PAGE_SIZE);
            if (page.isEmpty()) {
                long checked = expectedSeq - 1;
                if (lastCheckpoint > checked) {
                    return AuditVerification.broken(checked, checked + 1, AuditVerification.CUT_END);
                }
                return AuditVerification.intact(checked, checked == 0 ? null : expectedPrevHash);
            }
            for (ChainRecord record : page) {
                long intactSoFar = expectedSeq - 1;
                if (record.seq() != expectedSeq) {
                    return AuditVerification.broken(intactSoFar, expectedSeq, AuditVerification.GAP);
                }
                if (!record.computeHash().equals(record.hash())) {
                    return AuditVerification.broken(intactSoFar, record.seq(), AuditVerification.HASH_MISMATCH);
                }
                if (!record.prevHash().equals(expectedPrevHash)) {
                    return AuditVerification.broken(intactSoFar, record.seq(), AuditVerification.LINK_BROKEN);
                }
                for (Checkpoint checkpoint : vouched.getOrDefault(record.seq(), List.of())) {
                    if (!checkpoint.hash().equals(record.hash())) {
                        // Rewritten somewhere after the last checkpoint that still matches.
                        return AuditVerification.broken(
                                lastMatched, lastMatched + 1, AuditVerification.CHECKPOINT_MISMATCH);
                    }
                    lastMatched = record.seq();
                }
                expectedPrevHash = record.hash();
                expectedSeq++;
            }
        }
    }
}
