package vn.congvan.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongVanTest;
import vn.congvan.audit.AuditRecordView;
import vn.congvan.audit.AuditTrail;

/**
 * Someone with the database's superuser rights gets past the trigger and rewrites the trail. Each
 * attack runs in a transaction that is rolled back after the verification, so the shared test
 * database keeps an intact chain whatever happens.
 */
@CongVanTest
class TamperingTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangedDetailIsReportedAtExactlyThatRecord() {
        List<AuditRecordView> three = threeRecords();
        long tampered = three.get(1).seq();

        AuditVerification verification = underAttack(db -> {
            db.sql("update audit_record set details = ? where seq = ?")
                    .params("{\"decision\":\"approved\"}", tampered)
                    .update();
            return null;
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(tampered);
        assertThat(verification.reason()).isEqualTo(AuditVerification.HASH_MISMATCH);
        assertThat(verification.recordsChecked()).isEqualTo(tampered - 1);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRecordRewrittenWithARecomputedHashBreaksTheLinkToTheNextOne() {
        List<AuditRecordView> three = threeRecords();
        long rewritten = three.get(1).seq();

        AuditVerification verification = underAttack(db -> {
            ChainRecord original = db.sql("select " + ChainRecord.COLUMNS + " from audit_record where seq = ?")
                    .param(rewritten)
                    .query(ChainRecord::read)
                    .single();
            ChainRecord forged = new ChainRecord(
                    original.seq(),
                    original.recordedAt(),
                    original.actorId(),
                    "Kẻ giả mạo",
                    original.action(),
                    original.subjectType(),
                    original.subjectId(),
                    original.unitId(),
                    original.details(),
                    original.prevHash(),
                    "");
            db.sql("update audit_record set actor_name = ?, hash = ? where seq = ?")
                    .params(forged.actorName(), forged.computeHash(), rewritten)
                    .update();
            return null;
        });

        assertThat(verification.firstBrokenSeq()).isEqualTo(rewritten + 1);
        assertThat(verification.reason()).isEqualTo(AuditVerification.LINK_BROKEN);
    }

    @Test
    void aDeletedMiddleRecordIsReportedAsAGap() {
        List<AuditRecordView> three = threeRecords();
        long deleted = three.get(1).seq();

        AuditVerification verification = underAttack(db -> {
            db.sql("delete from audit_record where seq = ?").param(deleted).update();
            return null;
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(deleted);
        assertThat(verification.reason()).isEqualTo(AuditVerification.GAP);
    }

    @Test
    void aDeletedRecordWhoseSuccessorsWereRenumberedBreaksTheLink() {
        List<AuditRecordView> three = threeRecords();
        long deleted = three.get(1).seq();

        AuditVerification verification = underAttack(db -> {
            db.sql("delete from audit_record where seq = ?").param(deleted).update();
            db.sql("update audit_record set seq = seq - 1 where seq > ?")
                    .param(deleted)
                    .update();
            return null;
        });

        assertThat(verification.firstBrokenSeq()).isEqualTo(deleted);
        assertThat(verification.reason()).isIn(AuditVerification.HASH_MISMATCH, AuditVerification.LINK_BROKEN);
    }

    @Test
    void theTriggerRefusesUpdateDeleteAndTruncate() {
        List<AuditRecordView> three = threeRecords();
        long seq = three.get(0).seq();

        for (String statement : List.of(
                "update audit_record set actor_name = 'x' where seq = " + seq,
                "delete from audit_record where seq = " + seq,
                "truncate audit_record")) {
            assertThatThrownBy(() -> transaction.executeWithoutResult(
                            status -> jdbc.sql(statement).update()))
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(trail.history("tampering-test", three.get(0).subjectId())).isEqualTo(three);
    }

    private List<AuditRecordView> threeRecords() {
        return new ChainAttacks(trail, transaction, jdbc).threeRecords("tampering-test");
    }

    private AuditVerification underAttack(Function<JdbcClient, ?> attack) {
        return new ChainAttacks(trail, transaction, jdbc).underAttack(attack);
    }
}
