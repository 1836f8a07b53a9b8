package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.handling.CaseState;
import vn.congvan.shared.Role;
import vn.congvan.signing.SignatureVerdict;
import vn.congvan.statistics.ProvinceRecords.Seal;
import vn.congvan.statistics.figures.Statistics;

/** The figures kept from events equal those a full recomputation finds, after thousands of random changes. */
@CongVanTest
class IncrementalFiguresTests {

    private static final int CHANGES = 2000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Statistics statistics;

    @Test
    void theKeptFiguresEqualAFullRecomputationAfterThousandsOfRandomChanges() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        UUID root = province.aUnit("UBND tỉnh Ngẫu Nhiên", "UBND", "PROVINCIAL_COMMITTEE", "PROVINCE", null)
                .id();
        List<UUID> units = new ArrayList<>(List.of(root));
        for (int i = 0; i < 3; i++) {
            units.add(province.aUnit("Sở " + i, "S" + i, "AGENCY", "PROVINCE", root)
                    .id());
            UUID district = province.aUnit("Huyện " + i, "UBND", "DISTRICT", "DISTRICT", root)
                    .id();
            units.add(district);
            units.add(province.aUnit("Xã " + i, "UBND", "COMMUNE", "COMMUNE", district)
                    .id());
        }
        ProvinceRecords records = new ProvinceRecords(
                jdbc, events, transaction, province.personId(province.anOfficial("Văn Thư", Role.CLERK, root)));
        Random random = new Random(20260301L);
        YearMonth first = YearMonth.now().minusMonths(3);
        List<UUID> outgoing = new ArrayList<>();
        List<UUID> incoming = new ArrayList<>();
        Seal[][] signatures = {
            {},
            {Seal.PERSONAL},
            {Seal.ORGANIZATION},
            {Seal.PERSONAL, Seal.ORGANIZATION},
            {Seal.PERSONAL_INVALID, Seal.ORGANIZATION}
        };
        for (int change = 0; change < CHANGES; change++) {
            UUID unit = units.get(random.nextInt(units.size()));
            LocalDate day = first.atDay(1).plusDays(random.nextInt(85));
            int kind = random.nextInt(10);
            if (kind < 3 || outgoing.isEmpty() || incoming.isEmpty()) {
                ProvinceRecords.Document d = random.nextBoolean()
                        ? records.anOutgoing(unit, day)
                        : records.anIncoming(unit, day).judged(SignatureVerdict.values()[random.nextInt(4)]);
                d.signedWith(signatures[random.nextInt(signatures.length)]);
                if (random.nextInt(8) == 0) {
                    d.onPaper();
                }
                if (random.nextInt(12) == 0) {
                    d.secret();
                }
                (d.direction == vn.congvan.registry.Direction.OUTGOING ? outgoing : incoming).add(d.register());
            } else if (kind < 5) {
                records.resign(
                        outgoing.get(random.nextInt(outgoing.size())), signatures[random.nextInt(signatures.length)]);
            } else if (kind < 8) {
                LocalDate deadline = day.plusDays(random.nextInt(10));
                CaseState state = CaseState.values()[random.nextInt(CaseState.values().length)];
                records.handle(
                        incoming.get(random.nextInt(incoming.size())),
                        state,
                        deadline,
                        state == CaseState.DONE ? day.plusDays(random.nextInt(12)) : null);
            } else if (kind < 9) {
                List<UUID> all = random.nextBoolean() ? outgoing : incoming;
                records.revoke(all.remove(random.nextInt(all.size())));
            } else {
                records.aClosedDossier(
                        unit,
                        day,
                        incoming.get(random.nextInt(incoming.size())),
                        outgoing.get(random.nextInt(outgoing.size())));
            }
        }
        records.awaitFigures();
        List<Map<String, Object>> kept = kept(units);
        assertThat(kept).isNotEmpty();

        statistics.recompute();

        assertThat(kept(units)).isEqualTo(kept);
    }

    /** Every non-zero sum per unit and day and per unit and month, and every fact, of the test's units. */
    private List<Map<String, Object>> kept(List<UUID> units) {
        UUID[] ids = units.toArray(new UUID[0]);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : List.of("statistics_unit_day", "statistics_unit_month")) {
            String key = table.endsWith("day") ? "day" : "month";
            rows.addAll(jdbc.sql("select '" + table + "' as t, * from " + table + " where unit_id = any(?) and "
                            + "(outgoing_issued + incoming_received + dossiers_closed) > 0 order by unit_id, " + key)
                    .param(ids)
                    .query()
                    .listOfRows());
        }
        rows.addAll(jdbc.sql("select subject_id, subject, unit_id, day, outgoing_issued, outgoing_electronic, "
                        + "outgoing_paper, outgoing_leader_signed, outgoing_organization_signed, outgoing_fully_signed, "
                        + "incoming_received, incoming_electronic, incoming_paper, incoming_valid_signature, "
                        + "incoming_handled, incoming_on_time, dossiers_closed, dossiers_in_software "
                        + "from statistics_fact where unit_id = any(?) order by subject_id")
                .param(ids)
                .query()
                .listOfRows());
        return rows;
    }
}
