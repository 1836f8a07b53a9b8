package vn.congvan.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.congvan.CongVanTest;
import vn.congvan.directory.DemoProvince;

@CongVanTest
@TestPropertySource(properties = "congvan.demo.enabled=true")
class DemoDocumentsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoProvinceHasAYearOfCorrespondenceRegisteredByItsClerks() throws InterruptedException {
        String office = DemoProvince.unit(DemoProvince.OFFICE).legacyCode();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long total = 0;
        long previous = -1;
        String byDemoClerks = "select count(*) from document d join unit u on u.id = d.unit_id where u.legacy_code "
                + "like '000.%' and d.created_by in (select id from person where username like 'vanthu.%')";
        while (Instant.now().isBefore(deadline)) {
            // Documents commit one by one, oldest first: wait until every letter is issued and its
            // arrivals registered, that is until the count stops moving.
            total = count(byDemoClerks);
            long issued = count(byDemoClerks + " and d.direction = 'OUTGOING'");
            if (issued >= DemoDocuments.ISSUED && total == previous) {
                break;
            }
            previous = total;
            Thread.sleep(1500);
        }

        assertThat(total).isGreaterThanOrEqualTo(DemoDocuments.ISSUED * 2L);
        assertThat(count("select count(distinct date_trunc('month', issued_date)) from document "
                        + "where created_by in (select id from person where username like 'vanthu.%')"))
                .isGreaterThanOrEqualTo(11);
        assertThat(count("select count(*) from document d join unit u on u.id = d.unit_id where u.legacy_code = '"
                        + office + "'"))
                .isPositive();
        assertThat(count("select count(*) from document where direction = 'INCOMING' and edxml_document_id in "
                        + "(select edxml_document_id from document where direction = 'OUTGOING')"))
                .isPositive();
        assertThat(count("select count(*) from audit_record where action = 'document.outgoing.issued'"))
                .isPositive();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
