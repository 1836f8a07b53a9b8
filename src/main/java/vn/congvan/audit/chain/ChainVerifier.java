package vn.congvan.audit.chain;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditVerification;

/**
 * Walks the chain from the first record, a page at a time, recomputing every hash: a record whose
 * content was changed, one that does not point to its predecessor's hash, or a missing sequence
 * number breaks it.
 */
@Component
public class ChainVerifier {

    static final int PAGE_SIZE = 1_000;

    private final AuditRecords records;

    ChainVerifier(AuditRecords records) {
        this.records = records;
    }

    public AuditVerification verify() {
        long expectedSeq = 1;
        String expectedPrevHash = ChainRecord.GENESIS_HASH;
        while (true) {
            List<ChainRecord> page = records.after(expectedSeq - 1, PAGE_SIZE);
            if (page.isEmpty()) {
                long checked = expectedSeq - 1;
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
                expectedPrevHash = record.hash();
                expectedSeq++;
            }
        }
    }
}
