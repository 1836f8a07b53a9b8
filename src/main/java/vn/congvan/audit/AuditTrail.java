package vn.congvan.audit;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.chain.AuditRecords;
import vn.congvan.audit.chain.ChainVerifier;

/** The audit trail (nhật ký) other modules write to and read from, and its verification. */
@Service
public class AuditTrail {

    private final AuditRecords records;
    private final ChainVerifier verifier;

    AuditTrail(AuditRecords records, ChainVerifier verifier) {
        this.records = records;
        this.verifier = verifier;
    }

    /**
     * Appends the entry to the chain inside the caller's transaction, which must exist: the record
     * commits or rolls back with the change it records. Writers are lined up by a lock held until
     * the transaction ends, so record last, just before committing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        records.append(entry);
    }

    /** Everything recorded about one subject (a document, a certificate…), oldest first. */
    public List<AuditRecordView> history(String subjectType, String subjectId) {
        return records.ofSubject(subjectType, subjectId);
    }

    /** The newest records first, {@code limit} of them after skipping {@code offset}. */
    public List<AuditRecordView> recent(int limit, int offset) {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset not negative");
        }
        return records.latest(limit, offset);
    }

    /** Walks the whole chain in order and reports the first record that breaks it, if any. */
    public AuditVerification verify() {
        return verifier.verify();
    }
}
