package vn.congvan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongVanTest;
import vn.congvan.audit.chain.AuditVerification;
import vn.congvan.shared.Membership;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

@CongVanTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void readingHistoriesOutsideATransactionGivesEveryConnectionBack() {
        int pool = dataSource.getMaximumPoolSize();
        for (int i = 0; i <= pool; i++) {
            trail.history("document", UUID.randomUUID().toString());
            trail.recent(5, 0);
        }

        assertThat(dataSource.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void recordsChainCorrectlyAcross200ConcurrentTransactionsFromManyThreads() throws Exception {
        String run = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String number = Integer.toString(i);
                done.add(threads.submit(() -> transaction.executeWithoutResult(
                        status -> trail.record(anEntry("concurrency-test", run, Map.of("number", number))))));
            }
            for (Future<?> each : done) {
                each.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        List<AuditRecordView> recorded = trail.history("concurrency-test", run);
        assertThat(recorded).hasSize(200);
        assertThat(recorded).extracting(r -> r.details().get("number")).doesNotHaveDuplicates();
        long first = recorded.get(0).seq();
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(recorded.get(i).seq()).isEqualTo(first + i);
            if (i > 0) {
                assertThat(recorded.get(i).prevHash())
                        .isEqualTo(recorded.get(i - 1).hash());
            }
        }
        AuditVerification verification = trail.verify();
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.recordsChecked())
                .isGreaterThanOrEqualTo(recorded.get(199).seq());
    }

    @Test
    void aRecordRolledBackWithItsTransactionLeavesNoTrace() {
        String subject = UUID.randomUUID().toString();
        long lastBefore = lastSeq();

        transaction.executeWithoutResult(status -> {
            trail.record(anEntry("rollback-test", subject, Map.of("step", "rolled back")));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> trail.record(anEntry("rollback-test", subject, Map.of())));

        List<AuditRecordView> history = trail.history("rollback-test", subject);
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.details()).isEmpty();
            assertThat(r.seq()).isEqualTo(lastBefore + 1);
        });
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> trail.record(anEntry("no-transaction", "1", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRecordReadsBackWithItsOfficialDetailsAndTime() {
        UUID unit = UUID.randomUUID();
        Official chairman = new Official(
                UUID.randomUUID(),
                "chutich-" + unit,
                "Nguyễn Văn An",
                null,
                true,
                List.of(new Membership(unit, null, Role.LEADER)));
        String subject = UUID.randomUUID().toString();
        Map<String, String> details = Map.of(
                "trích yếu", "Về việc | kiểm tra \\ \"hồ sơ\"\nđợt 2 ✓ 𝄞",
                "codeNumber", "15",
                "empty", "");

        transaction.executeWithoutResult(status ->
                trail.record(AuditEntry.by(chairman, () -> "document.signed", "document", subject, unit, details)));

        AuditRecordView record = trail.history("document", subject).get(0);
        assertThat(record.actorId()).isEqualTo(chairman.personId());
        assertThat(record.actorName()).isEqualTo("Nguyễn Văn An");
        assertThat(record.action()).isEqualTo("document.signed");
        assertThat(record.unitId()).isEqualTo(unit);
        assertThat(record.details()).isEqualTo(details);
        assertThat(record.hash()).matches("[0-9a-f]{64}").isNotEqualTo(record.prevHash());
        assertThat(trail.recent(1, 0)).singleElement().isEqualTo(record);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void textPostgresqlCannotKeepIsReplacedBeforeItIsHashed() {
        String subject = UUID.randomUUID().toString();

        transaction.executeWithoutResult(
                status -> trail.record(anEntry("odd-text", subject, Map.of("value", "a\u0000b\uD800c"))));

        assertThat(trail.history("odd-text", subject).get(0).details()).containsEntry("value", "a\uFFFDb\uFFFDc");
        assertThat(trail.verify().intact()).isTrue();
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_record")
                .query(Long.class)
                .single();
    }

    static AuditEntry anEntry(String subjectType, String subjectId, Map<String, String> details) {
        return new AuditEntry(
                () -> "test.recorded", subjectType, subjectId, null, null, "Hệ thống thử nghiệm", details);
    }
}
