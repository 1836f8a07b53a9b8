package vn.congvan.audit;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.chain.AuditCheckpoints;
import vn.congvan.audit.chain.AuditRecords;
import vn.congvan.audit.chain.AuditVerification;
import vn.congvan.audit.chain.ChainVerifier;
import vn.congvan.audit.chain.Checkpoint;

/** The audit trail (nhật ký) other modules write to and read from, and its verification. */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRecords records;
    private final ChainVerifier verifier;
    private final AuditCheckpoints checkpoints;

    AuditTrail(AuditRecords records, ChainVerifier verifier, AuditCheckpoints checkpoints) {
        this.records = records;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
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
        return recent(AuditFilter.ALL, limit, offset);
    }

    /** The newest records the filter keeps, {@code limit} of them after skipping {@code offset}. */
    public List<AuditRecordView> recent(AuditFilter filter, int limit, int offset) {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset not negative");
        }
        return records.latest(filter, limit, offset);
    }

    /** Walks the whole chain in order and reports the first record that breaks it, if any. */
    public AuditVerification verify() {
        return verifier.verify();
    }

    /**
     * Time-stamps the head of the chain now and keeps it with the other checkpoints; without a
     * time-stamping service, the newest valid checkpoint kept before; empty when there is none.
     */
    public Optional<AuditCheckpoint> checkpoint() {
        Optional<Checkpoint> taken;
        try {
            taken = checkpoints.take();
        } catch (RuntimeException e) {
            log.warn("The audit trail's head could not be time-stamped now: {}", e.toString());
            taken = Optional.empty();
        }
        return taken.or(() -> checkpoints.valid().stream().reduce((older, newer) -> newer))
                .map(c -> new AuditCheckpoint(c.seq(), c.hash(), c.stampedAt()));
    }
}
