package vn.congvan.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.CongVanTest;
import vn.congvan.directory.DirectoryGenerator;

@CongVanTest
class VolumeGeneratorTests {

    @Autowired
    DirectoryGenerator directory;

    @Autowired
    DocumentGenerator documents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSyntheticProvinceGetsItsDocumentsNumberedWithoutGapsInDateOrder() {
        List<UUID> units = directory.generate(6, 30);
        UUID[] ids = units.toArray(new UUID[0]);

        long made = documents.generate(units, 4_000, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31));

        assertThat(made).isEqualTo(4_000);
        assertThat(jdbc.sql("select count(*) from document where unit_id = any(?)")
                        .param(ids)
                        .query(Long.class)
                        .single())
                .isEqualTo(4_000);
        List<String> brokenSeries = jdbc.sql("""
                        select register_id || '/' || register_year from document where unit_id = any(?)
                        group by register_id, register_year
                        having count(*) <> max(number) or min(number) <> 1 or count(distinct number) <> count(*)""").param(ids).query(String.class).list();
        assertThat(brokenSeries).isEmpty();
        long outOfOrder = jdbc.sql("""
                        select count(*) from document a join document b
                          on a.register_id = b.register_id and a.register_year = b.register_year
                         and a.number = b.number - 1
                        where a.unit_id = any(?) and a.direction = 'OUTGOING' and a.issued_date > b.issued_date""").param(ids).query(Long.class).single();
        assertThat(outOfOrder).isZero();
        long counted = jdbc.sql("""
                        select coalesce(sum(c.last_number), 0) from register_counter c join register r on r.id = c.register_id
                        where r.unit_id = any(?)""").param(ids).query(Long.class).single();
        assertThat(counted).isEqualTo(4_000);
        assertThat(jdbc.sql("select count(*) from document where unit_id = any(?) and search_vector @@ "
                                + "to_tsquery('simple', 'chuyen:* & doi:* & so:*')")
                        .param(ids)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from document_file f join document d on d.id = f.document_id "
                                + "where d.unit_id = any(?)")
                        .param(ids)
                        .query(Long.class)
                        .single())
                .isEqualTo(4_000);
    }
}
