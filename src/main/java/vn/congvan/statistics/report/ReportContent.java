package vn.congvan.statistics.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.statistics.figures.Coverage;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.Ranking;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.UnitFigures;
import vn.congvan.statistics.figures.UnitGroup;

/**
 * What a monthly report says, read from the statistics: the units of each level ranked by their
 * outgoing documents carrying both signatures (the ranking the Chairman acts on), each with all its
 * rates, and the installation's last twelve months of that rate and of dossiers processed in the
 * software.
 */
@Component
class ReportContent {

    /** The rate the units are ranked by. */
    static final Metric RANKED_BY = Metric.OUTGOING_FULLY_SIGNED;

    /** The rates judged against a target: a unit below any of them is reminded. */
    static final List<Metric> JUDGED = List.of(
            Metric.OUTGOING_FULLY_SIGNED,
            Metric.OUTGOING_LEADER_SIGNED,
            Metric.OUTGOING_ORGANIZATION_SIGNED,
            Metric.INCOMING_VALID_SIGNATURE,
            Metric.INCOMING_HANDLED,
            Metric.DOSSIERS_IN_SOFTWARE);

    static final int TREND_MONTHS = 12;

    private final Statistics statistics;
    private final Directory directory;

    ReportContent(Statistics statistics, Directory directory) {
        this.statistics = statistics;
        this.directory = directory;
    }

    /** The report of one month: the rankings of the three levels and the trend. */
    record Month(YearMonth month, Map<UnitGroup, Ranking> rankings, List<TrendPoint> trend) {

        List<UnitFigures> belowTarget() {
            List<UnitFigures> below = new ArrayList<>();
            rankings.values()
                    .forEach(r -> r.units().forEach(u -> {
                        if (!shortfalls(u.figures()).isEmpty()) {
                            below.add(u.figures());
                        }
                    }));
            return below;
        }

        int unitsRanked() {
            return rankings.values().stream().mapToInt(r -> r.units().size()).sum();
        }
    }

    /** The installation's counts in one month, for the trend chart. */
    record TrendPoint(
            YearMonth month, long fullySigned, long electronic, long dossiersInSoftware, long dossiersClosed) {}

    static List<Metric> shortfalls(UnitFigures figures) {
        return JUDGED.stream().filter(figures::belowTarget).toList();
    }

    Month of(YearMonth month) {
        Period period = Period.month(month);
        Map<UnitGroup, Ranking> rankings = new EnumMap<>(UnitGroup.class);
        for (UnitGroup group : UnitGroup.values()) {
            rankings.put(group, statistics.ranking(group, null, RANKED_BY, period, Coverage.UNIT));
        }
        return new Month(month, rankings, trend(month));
    }

    /** Summed over the province's roots (one in a real installation), each with everything below it. */
    private List<TrendPoint> trend(YearMonth last) {
        long[][] sums = new long[TREND_MONTHS][4];
        for (UnitView root : directory.units()) {
            if (root.parentId() != null || root.validTo() != null) {
                continue;
            }
            List<UnitFigures> months = statistics.trend(root.id(), Coverage.TERRITORY, last, TREND_MONTHS);
            for (int i = 0; i < months.size() && i < TREND_MONTHS; i++) {
                UnitFigures f = months.get(i);
                sums[i][0] += f.count(Metric.OUTGOING_FULLY_SIGNED);
                sums[i][1] += f.count(Metric.OUTGOING_ELECTRONIC);
                sums[i][2] += f.count(Metric.DOSSIERS_IN_SOFTWARE);
                sums[i][3] += f.count(Metric.DOSSIERS_CLOSED);
            }
        }
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < TREND_MONTHS; i++) {
            trend.add(new TrendPoint(
                    last.minusMonths(TREND_MONTHS - 1L - i), sums[i][0], sums[i][1], sums[i][2], sums[i][3]));
        }
        return trend;
    }
}
