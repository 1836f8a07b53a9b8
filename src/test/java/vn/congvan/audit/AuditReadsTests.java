package vn.congvan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.congvan.CongVanTest;

@CongVanTest
class AuditReadsTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    DataSource dataSource;

    @Test
    void readingTheTrailOutsideATransactionGivesEveryConnectionBack() {
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        int before = pool.getActiveConnections();

        for (int i = 0; i < 5; i++) {
            trail.history("document", "no-such-document");
            trail.recent(10, 0);
        }

        assertThat(pool.getActiveConnections()).isEqualTo(before);
    }
}
