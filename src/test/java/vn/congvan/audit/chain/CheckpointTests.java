package vn.congvan.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongVanTest;
import vn.congvan.TestPki;
import vn.congvan.audit.AuditRecordView;
import vn.congvan.audit.AuditTrail;

/**
 * Someone with the database's superuser rights rewrites the chain consistently (every hash
 * recomputed) or cuts its end: the chain alone still verifies, the signed checkpoints kept outside
 * the database do not. Each attack is rolled back after the verification.
 */
@CongVanTest
class CheckpointTests {

    @DynamicPropertySource
    static void timeStampingService(DynamicPropertyRegistry registry) {
        // The same settings as TimeStampedSigningTests: one application context for both.
        registry.add("congvan.signing.tsa-url", () -> TestPki.shared().tsaUrl());
        registry.add("congvan.signing.level", () -> "B-LT");
    }

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRewriteOfTheChainFromAnyRecordOnIsDetectedAgainstTheSignedCheckpoint() {
        List<AuditRecordView> three = threeRecords();
        Checkpoint checkpoint = checkpoints.take().orElseThrow();
        assertThat(checkpoint.seq()).isGreaterThanOrEqualTo(three.get(2).seq());
        assertThat(trail.verify().intact()).isTrue();
        long from = three.get(0).seq();

        AuditVerification verification = underAttack(db -> {
            List<ChainRecord> tail = db.sql(
                            "select " + ChainRecord.COLUMNS + " from audit_record where seq >= ? order by seq")
                    .param(from)
                    .query(ChainRecord::read)
                    .list();
            String prevHash = tail.get(0).prevHash();
            for (ChainRecord r : tail) {
                ChainRecord forged = new ChainRecord(
                        r.seq(),
                        r.recordedAt(),
                        r.actorId(),
                        r.seq() == from ? "Kẻ giả mạo" : r.actorName(),
                        r.action(),
                        r.subjectType(),
                        r.subjectId(),
                        r.unitId(),
                        r.details(),
                        prevHash,
                        "");
                String hash = forged.computeHash();
                db.sql("update audit_record set actor_name = ?, prev_hash = ?, hash = ? where seq = ?")
                        .params(forged.actorName(), prevHash, hash, r.seq())
                        .update();
                prevHash = hash;
            }
            return null;
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.reason()).isEqualTo(AuditVerification.CHECKPOINT_MISMATCH);
        assertThat(verification.firstBrokenSeq()).isLessThanOrEqualTo(from);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aCutEndOfTheChainIsDetected() {
        List<AuditRecordView> three = threeRecords();
        checkpoints.take().orElseThrow();
        long kept = three.get(0).seq();

        AuditVerification verification = underAttack(db -> {
            db.sql("delete from audit_record where seq > ?").param(kept).update();
            return null;
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.reason()).isEqualTo(AuditVerification.CUT_END);
        assertThat(verification.firstBrokenSeq()).isEqualTo(kept + 1);
        assertThat(verification.recordsChecked()).isEqualTo(kept);
        assertThat(trail.verify().intact()).isTrue();
    }

    private List<AuditRecordView> threeRecords() {
        return new ChainAttacks(trail, transaction, jdbc).threeRecords("checkpoint-test");
    }

    private AuditVerification underAttack(Function<JdbcClient, ?> attack) {
        return new ChainAttacks(trail, transaction, jdbc).underAttack(attack);
    }
}
