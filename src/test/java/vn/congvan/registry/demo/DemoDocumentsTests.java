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

    @Autowired
    vn.congvan.platform.Preparations preparations;

    @Test
    void theDemoProvinceHasAYearOfCorrespondenceRegisteredByItsClerks() throws InterruptedException {
        String office = DemoProvince.unit(DemoProvince.OFFICE).legacyCode();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String byDemoClerks = "select count(*) from document d join unit u on u.id = d.unit_id where u.legacy_code "
                + "like '000.%' and d.created_by in (select id from person where username like 'vanthu.%')";
        // Documents commit one by one, oldest first, while the installation says it is preparing
        // (marked before the context is up): wait until it is done.
        while (!preparations.underWay().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(preparations.underWay()).isEmpty();
        long total = count(byDemoClerks);

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
