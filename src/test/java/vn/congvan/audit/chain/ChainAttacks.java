package vn.congvan.audit.chain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditRecordView;
import vn.congvan.audit.AuditTrail;

/** A document's three audited steps, and attacks on the stored chain that are rolled back after they are judged. */
final class ChainAttacks {

    private final AuditTrail trail;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    ChainAttacks(AuditTrail trail, TransactionTemplate transaction, JdbcClient jdbc) {
        this.trail = trail;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Drafted, approved, issued: three records of one subject, each in its own transaction. */
    List<AuditRecordView> threeRecords(String subjectType) {
        String subject = UUID.randomUUID().toString();
        for (String step : List.of("drafted", "approved", "issued")) {
            transaction.executeWithoutResult(status -> trail.record(new AuditEntry(
                    () -> "document." + step, subjectType, subject, null, null, "Văn thư", Map.of("step", step))));
        }
        return trail.history(subjectType, subject);
    }

    /** Runs the attack with the append-only trigger disabled, verifies the chain, and rolls everything back. */
    AuditVerification underAttack(Function<JdbcClient, ?> attack) {
        return transaction.execute(status -> {
            jdbc.sql("alter table audit_record disable trigger audit_record_append_only")
                    .update();
            attack.apply(jdbc);
            jdbc.sql("alter table audit_record enable trigger audit_record_append_only")
                    .update();
            AuditVerification verification = trail.verify();
            status.setRollbackOnly();
            return verification;
        });
    }
}
