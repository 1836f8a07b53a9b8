package vn.congvan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.congvan.statistics.ProvinceRecords.Seal.FOREIGN;
import static vn.congvan.statistics.ProvinceRecords.Seal.ORGANIZATION;
import static vn.congvan.statistics.ProvinceRecords.Seal.PERSONAL;
import static vn.congvan.statistics.ProvinceRecords.Seal.PERSONAL_INVALID;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Role;
import vn.congvan.signing.SignatureVerdict;
import vn.congvan.statistics.figures.Coverage;
import vn.congvan.statistics.figures.FigurePage;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.PeriodKind;
import vn.congvan.statistics.figures.RankedUnit;
import vn.congvan.statistics.figures.Ranking;
import vn.congvan.statistics.figures.Rate;
import vn.congvan.statistics.figures.RateColour;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.UnitFigures;
import vn.congvan.statistics.figures.UnitGroup;

/**
 * A small province with known answers: every metric and rank of its agencies, districts and
 * communes, with revoked, re-signed and secret documents and two agencies merged in the month.
 */
@CongVanTest
class StatisticsOfASmallProvinceTests {

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

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    YearMonth month = YearMonth.now().minusMonths(2);
    LocalDate day = month.atDay(10);
    Period period = Period.month(month);
    ProvinceRecords records;
    UUID root;
    UUID construction;
    UUID transport;
    UUID merged;
    UUID district;
    UUID commune;
    UUID ward;
    UUID signedThenRevoked;
    String leader;

    @BeforeEach
    void aProvinceWithAMonthOfDocuments() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        root = province.aUnit("UBND tỉnh Thử", "UBND", "PROVINCIAL_COMMITTEE", "PROVINCE", null)
                .id();
        construction =
                province.aUnit("Sở Xây dựng", "SXD", "AGENCY", "PROVINCE", root).id();
        transport = province.aUnit("Sở Giao thông vận tải", "SGTVT", "AGENCY", "PROVINCE", root)
                .id();
        merged = province.aUnit("Sở Xây dựng và Giao thông", "SXDGT", "AGENCY", "PROVINCE", root)
                .id();
        district = province.aUnit("UBND huyện Thử", "UBND", "DISTRICT", "DISTRICT", root)
                .id();
        commune = province.aUnit("UBND xã Một", "UBND", "COMMUNE", "COMMUNE", district)
                .id();
        ward = province.aUnit("UBND phường Hai", "UBND", "WARD", "COMMUNE", district)
                .id();
        // Transport closes mid-month and merges into the new department.
        jdbc.sql("update unit set valid_to = ? where id = ?")
                .params(month.atDay(15), transport)
                .update();
        jdbc.sql("update unit set predecessor_id = ? where id = ?")
                .params(transport, merged)
                .update();
        UUID clerk = province.personId(province.anOfficial("Văn Thư Thử", Role.CLERK, root));
        leader = province.anOfficial("Lãnh Đạo Thử", Role.LEADER, root);
        records = new ProvinceRecords(jdbc, events, transaction, clerk);

        records.anOutgoing(root, day).signedWith(PERSONAL, ORGANIZATION).register();

        records.anOutgoing(construction, day).signedWith(PERSONAL, ORGANIZATION).register();
        records.anOutgoing(construction, day).signedWith(PERSONAL).register();
        records.anOutgoing(construction, day).signedWith(ORGANIZATION).register();
        UUID resigned = records.anOutgoing(construction, day)
                .signedWith(PERSONAL_INVALID)
                .register();
        records.resign(resigned, PERSONAL, ORGANIZATION);
        signedThenRevoked = records.anOutgoing(construction, day)
                .signedWith(PERSONAL, ORGANIZATION)
                .register();
        records.revoke(signedThenRevoked);
        records.anOutgoing(construction, day)
                .signedWith(PERSONAL, ORGANIZATION)
                .secret()
                .register();
        records.anOutgoing(construction, day).onPaper().register();
        records.anOutgoing(construction, month.minusMonths(1).atDay(20))
                .signedWith(PERSONAL, ORGANIZATION)
                .register();

        UUID validIn = records.anIncoming(construction, day)
                .signedWith(FOREIGN)
                .judged(SignatureVerdict.ALL_VALID)
                .register();
        records.handle(validIn, CaseState.DONE, day.plusDays(5), day.plusDays(3));
        UUID invalidIn = records.anIncoming(construction, day)
                .signedWith(FOREIGN)
                .judged(SignatureVerdict.SOME_INVALID)
                .register();
        records.handle(invalidIn, CaseState.DONE, day.plusDays(2), day.plusDays(4));
        UUID paperIn = records.anIncoming(construction, day).onPaper().register();
        records.handle(paperIn, CaseState.IN_PROGRESS, day.plusDays(5), null);
        UUID refused = records.anIncoming(construction, day).signedWith(FOREIGN).register();
        records.handle(refused, CaseState.REFUSED, null, null);
        records.anIncoming(construction, day).signedWith(FOREIGN).secret().register();
        records.revoke(records.anIncoming(construction, day).signedWith(FOREIGN).register());
        records.aClosedDossier(construction, day.plusDays(6), validIn, resigned);
        records.aClosedDossier(construction, day.plusDays(7), paperIn);

        records.anOutgoing(transport, month.atDay(5))
                .signedWith(PERSONAL, ORGANIZATION)
                .register();
        records.anOutgoing(transport, month.atDay(6))
                .signedWith(PERSONAL, ORGANIZATION)
                .register();
        records.anOutgoing(merged, month.atDay(20))
                .signedWith(PERSONAL, ORGANIZATION)
                .register();
        records.anOutgoing(merged, month.atDay(21)).register();

        records.anOutgoing(district, day).signedWith(PERSONAL, ORGANIZATION).register();
        records.anOutgoing(commune, day).signedWith(PERSONAL, ORGANIZATION).register();
        records.anOutgoing(commune, day).signedWith(PERSONAL).register();
        records.awaitFigures();
    }

    @Test
    void aPeriodOfPartMonthsCountsItsWholeMonthsAndItsEdgeDaysOnly() {
        LocalDate before = month.minusMonths(2).atDay(25);

        assertThat(statistics.figures(construction, Period.custom(before, day)).count(Metric.OUTGOING_ISSUED))
                .as("the whole month before (its 20th) and the 1st to the 10th of this one")
                .isEqualTo(6);
        assertThat(statistics
                        .figures(construction, Period.custom(before, day.minusDays(1)))
                        .count(Metric.OUTGOING_ISSUED))
                .as("the 10th left out")
                .isEqualTo(1);
        assertThat(statistics
                        .figures(
                                construction, Period.custom(month.minusMonths(1).atDay(21), day))
                        .count(Metric.OUTGOING_ISSUED))
                .as("no whole month: the 20th left out")
                .isEqualTo(5);
        assertThat(statistics
                        .ranking(UnitGroup.AGENCIES, Metric.OUTGOING_FULLY_SIGNED, Period.custom(before, day))
                        .units())
                .filteredOn(u -> u.figures().unitId().equals(construction))
                .singleElement()
                .satisfies(u ->
                        assertThat(u.figures().count(Metric.OUTGOING_ISSUED)).isEqualTo(6));
    }

    @Test
    void everyMetricOfADepartmentCountsItsDocumentsExactly() {
        UnitFigures figures = statistics.figures(construction, period);

        assertThat(figures.counts())
                .isEqualTo(counts(Map.ofEntries(
                        Map.entry(Metric.OUTGOING_ISSUED, 5L), Map.entry(Metric.OUTGOING_ELECTRONIC, 4L),
                        Map.entry(Metric.OUTGOING_PAPER, 1L), Map.entry(Metric.OUTGOING_LEADER_SIGNED, 3L),
                        Map.entry(Metric.OUTGOING_ORGANIZATION_SIGNED, 3L), Map.entry(Metric.OUTGOING_FULLY_SIGNED, 2L),
                        Map.entry(Metric.INCOMING_RECEIVED, 3L), Map.entry(Metric.INCOMING_ELECTRONIC, 2L),
                        Map.entry(Metric.INCOMING_PAPER, 1L), Map.entry(Metric.INCOMING_VALID_SIGNATURE, 1L),
                        Map.entry(Metric.INCOMING_HANDLED, 2L), Map.entry(Metric.INCOMING_ON_TIME, 1L),
                        Map.entry(Metric.DOSSIERS_CLOSED, 2L), Map.entry(Metric.DOSSIERS_IN_SOFTWARE, 1L))));
        assertThat(figures.rate(Metric.OUTGOING_FULLY_SIGNED).percent()).isEqualByComparingTo("50.0");
        assertThat(figures.colour(Metric.OUTGOING_FULLY_SIGNED)).isEqualTo(RateColour.RED);
        assertThat(figures.target(Metric.DOSSIERS_IN_SOFTWARE)).hasValue(90);
        assertThat(figures.target(Metric.INCOMING_VALID_SIGNATURE)).hasValue(100);
    }

    @Test
    void aMergedDepartmentCountsTheDocumentsOfTheOneMergedIntoItAndOnlyItIsRanked() {
        assertThat(statistics.figures(merged, period).rate(Metric.OUTGOING_FULLY_SIGNED))
                .isEqualTo(new Rate(3, 4));

        Ranking ranking =
                statistics.ranking(UnitGroup.AGENCIES, root, Metric.OUTGOING_FULLY_SIGNED, period, Coverage.UNIT);

        assertThat(ranking.units())
                .extracting(u -> u.figures().unitId(), RankedUnit::rank)
                .containsExactly(pair(root, 1), pair(merged, 2), pair(construction, 3));
        RankedUnit department = ranking.units().get(2);
        assertThat(department.previousRank()).isEqualTo(1);
        assertThat(department.rankChange()).isEqualTo(-2);
        assertThat(department.change()).isEqualByComparingTo(new BigDecimal("-50.0"));
        assertThat(ranking.units().get(0).colour()).isEqualTo(RateColour.GREEN);
        assertThat(ranking.units().get(1).previousRank()).isNull();
        assertThat(ranking.units().get(1).change()).isNull();
    }

    @Test
    void theRankingSaysEachChangeAgainstThePreviousPeriodInWords() throws Exception {
        var page = new vn.congvan.PagesAs(context)
                .page(
                        "/statistics?within=" + root + "&group=AGENCIES&metric=OUTGOING_FULLY_SIGNED&period="
                                + period.text(),
                        leader);

        assertThat(page.select("table.ranking td .change").eachText()).containsExactly("giảm 50,0 điểm");
        assertThat(page.select("table.ranking tr:has(.change) .muted").text()).isEqualTo("(kỳ trước 1)");
        String lastMonth = period.from().getMonthValue() + "/" + period.from().getYear();
        assertThat(page.select("canvas.chart[data-chart*=trend]").attr("data-chart"))
                .as("the trend's months as people write them")
                .contains("\"" + lastMonth + "\"")
                .doesNotContain("\"" + period.text() + "\"");
    }

    @Test
    void aDistrictRollsUpItsCommunesAndItsCommunesAreRankedAgainstTheCommuneTarget() {
        assertThat(statistics.figures(district, period).rate(Metric.OUTGOING_FULLY_SIGNED))
                .isEqualTo(new Rate(1, 1));
        assertThat(statistics.figures(district, period, Coverage.TERRITORY).rate(Metric.OUTGOING_FULLY_SIGNED))
                .isEqualTo(new Rate(2, 3));
        assertThat(statistics.figures(root, period, Coverage.TERRITORY).count(Metric.OUTGOING_ELECTRONIC))
                .isEqualTo(1 + 4 + 4 + 1 + 2);

        Ranking communes =
                statistics.ranking(UnitGroup.COMMUNES, district, Metric.OUTGOING_FULLY_SIGNED, period, Coverage.UNIT);

        assertThat(communes.units())
                .extracting(u -> u.figures().unitId(), RankedUnit::rank, RankedUnit::colour)
                .containsExactly(triple(commune, 1, RateColour.AMBER), triple(ward, 2, RateColour.GREY));
    }

    @Test
    void theDocumentsBehindAFigureAreThoseItCountsAndARevokedOneIsNotAmongThem() {
        FigurePage page = statistics.documentsBehind(construction, Metric.OUTGOING_FULLY_SIGNED, period, 0);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.entries()).hasSize(2).noneMatch(e -> e.id().equals(signedThenRevoked));
        assertThat(statistics
                        .documentsBehind(construction, Metric.DOSSIERS_IN_SOFTWARE, period, 0)
                        .entries())
                .singleElement()
                .satisfies(e -> assertThat(e.dossier()).isTrue());
    }

    @Test
    void theFullRecomputationFindsTheFiguresTheEventsKept() {
        List<UnitFigures> before = List.of(
                statistics.figures(construction, period),
                statistics.figures(merged, period),
                statistics.figures(root, period, Coverage.TERRITORY));

        statistics.recompute();

        assertThat(List.of(
                        statistics.figures(construction, period),
                        statistics.figures(merged, period),
                        statistics.figures(root, period, Coverage.TERRITORY)))
                .isEqualTo(before);
    }

    @Test
    void periodsReversedInTheFutureOrAbsurdlyLongAreRefusedWithTheirReasons() {
        assertThatThrownBy(() -> Period.custom(day, day.minusDays(1)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("statistics.period.reversed"));
        assertThatThrownBy(() -> Period.custom(day.minusYears(20), day))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("statistics.period.too-long"));
        assertThatThrownBy(() -> statistics.figures(
                        construction, Period.month(YearMonth.now().plusMonths(3))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("statistics.period.future"));
        assertThatThrownBy(() -> Period.parse("2026-13"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("statistics.period.unreadable"));
        assertThat(Period.parse("2026-Q2"))
                .isEqualTo(new Period(PeriodKind.QUARTER, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(Period.parse("2026-Q1").previous().text()).isEqualTo("2025-Q4");
    }

    private static Map<Metric, Long> counts(Map<Metric, Long> given) {
        Map<Metric, Long> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            all.put(m, given.getOrDefault(m, 0L));
        }
        return all;
    }

    private static org.assertj.core.groups.Tuple pair(Object a, Object b) {
        return org.assertj.core.groups.Tuple.tuple(a, b);
    }

    private static org.assertj.core.groups.Tuple triple(Object a, Object b, Object c) {
        return org.assertj.core.groups.Tuple.tuple(a, b, c);
    }
}
