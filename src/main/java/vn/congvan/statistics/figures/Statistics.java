package vn.congvan.statistics.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DirectoryRefusals;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.StatisticsAuditAction;

/**
 * What other modules and the pages ask of the statistics: a unit's figures, rankings, trends and
 * the documents behind a figure. It does not check who asks; {@link StatisticsScope} does.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

    /** Entries listed behind a figure per page when the caller names no size. */
    public static final int PAGE_SIZE = 50;

    private static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_TREND_MONTHS = 60;

    private final FigureStore store;
    private final Directory directory;
    private final StatisticsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatisticsScope scope;
    private final AuditTrail audit;

    Statistics(
            FigureStore store,
            Directory directory,
            StatisticsProperties properties,
            JdbcClient jdbc,
            Clock clock,
            StatisticsScope scope,
            AuditTrail audit) {
        this.scope = scope;
        this.audit = audit;
        this.store = store;
        this.directory = directory;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The unit's own figures (with those of units merged into it) over the period. */
    public UnitFigures figures(UUID unitId, Period period) {
        return figures(unitId, period, Coverage.UNIT);
    }

    public UnitFigures figures(UUID unitId, Period period, Coverage coverage) {
        checked(period);
        UnitMap map = new UnitMap(directory.units(), period);
        UnitView unit = unit(map, unitId);
        return figures(unit, period, coverage, store.sums(period, map.covered(unitId, coverage)), map);
    }

    /** Month by month up to {@code last}, {@code months} of them, the oldest first. */
    public List<UnitFigures> trend(UUID unitId, Coverage coverage, YearMonth last, int months) {
        if (months < 1 || months > MAX_TREND_MONTHS) {
            throw DomainException.invalid("statistics.trend.months", 1, MAX_TREND_MONTHS);
        }
        Period whole =
                new Period(PeriodKind.CUSTOM, last.minusMonths(months - 1L).atDay(1), last.atEndOfMonth());
        checked(whole);
        UnitMap map = new UnitMap(directory.units(), whole);
        UnitView unit = unit(map, unitId);
        Map<YearMonth, long[]> monthly =
                store.monthly(map.covered(unitId, coverage), last.minusMonths(months - 1L), last);
        List<UnitFigures> result = new ArrayList<>();
        monthly.forEach((month, counts) -> result.add(new UnitFigures(
                unit.id(),
                unit.name(),
                unit.kind(),
                Period.month(month),
                coverage,
                asMap(counts),
                targets(unit.level()))));
        return result;
    }

    /**
     * The units of the group ranked by the metric's rate over the period, limited to those below
     * {@code withinUnitId} when given (a district's communes); the change is against the previous
     * period, counted with the same units.
     */
    public Ranking ranking(
            UnitGroup group, @Nullable UUID withinUnitId, Metric metric, Period period, Coverage coverage) {
        checked(period);
        if (!metric.isRate()) {
            throw DomainException.invalid("statistics.metric.not-a-rate", metric.name());
        }
        List<UnitView> units = directory.units();
        UnitMap map = new UnitMap(units, period);
        if (withinUnitId != null) {
            unit(map, withinUnitId);
        }
        List<UnitView> listed = new ArrayList<>();
        for (UnitView unit : units) {
            if (group.includes(unit.kind())
                    && map.listed(unit)
                    && (withinUnitId == null || map.within(unit.id(), withinUnitId))) {
                listed.add(unit);
            }
        }
        Period previous = period.previous();
        Map<UUID, long[]> now = store.sums(period);
        Map<UUID, long[]> before = store.sums(previous);
        List<UnitFigures> current = new ArrayList<>();
        Map<UUID, Rate> previousRates = new HashMap<>();
        for (UnitView unit : listed) {
            current.add(figures(unit, period, coverage, now, map));
            previousRates.put(
                    unit.id(), figures(unit, previous, coverage, before, map).rate(metric));
        }
        Map<UUID, Integer> previousRanks = ranks(previousRates);
        Map<UUID, Rate> currentRates = new HashMap<>();
        current.forEach(f -> currentRates.put(f.unitId(), f.rate(metric)));
        Map<UUID, Integer> currentRanks = ranks(currentRates);
        current.sort(Comparator.comparing((UnitFigures f) -> f.rate(metric))
                .reversed()
                .thenComparing(UnitFigures::unitName));
        List<RankedUnit> ranked = new ArrayList<>();
        for (UnitFigures f : current) {
            Rate rate = f.rate(metric);
            Rate was = Objects.requireNonNull(previousRates.get(f.unitId()), "rated for every unit listed");
            BigDecimal change = rate.defined() && was.defined() ? rate.percent().subtract(was.percent()) : null;
            ranked.add(new RankedUnit(
                    Objects.requireNonNull(currentRanks.get(f.unitId()), "every unit is ranked"),
                    f,
                    rate,
                    f.colour(metric),
                    was.defined() ? previousRanks.get(f.unitId()) : null,
                    change));
        }
        return new Ranking(group, withinUnitId, metric, period, previous, ranked);
    }

    public Ranking ranking(UnitGroup group, Metric metric, Period period) {
        return ranking(group, null, metric, period, Coverage.UNIT);
    }

    /** The documents (or dossiers) counted in the unit's figure, the latest first, {@link #PAGE_SIZE} a page. */
    public FigurePage documentsBehind(UUID unitId, Metric metric, Period period, int page) {
        return documentsBehind(unitId, metric, period, Coverage.UNIT, page, PAGE_SIZE);
    }

    public FigurePage documentsBehind(
            UUID unitId, Metric metric, Period period, Coverage coverage, int page, int size) {
        checked(period);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("statistics.page.invalid", MAX_PAGE_SIZE);
        }
        UnitMap map = new UnitMap(directory.units(), period);
        unit(map, unitId);
        Set<UUID> units = map.covered(unitId, coverage);
        long total = store.sums(period, units).values().stream()
                .mapToLong(counts -> counts[metric.ordinal()])
                .sum();
        List<UUID> ids = store.subjects(units, metric, period, size, (long) page * size);
        return new FigurePage(metric, period, entries(ids, metric.countsDossiers()), total, page, size);
    }

    /** The targets a unit of the level is held against. */
    public Targets targets(UnitLevel level) {
        return properties.targetsFor(level);
    }

    /**
     * Counts every document and dossier again from the source tables, replacing the kept figures:
     * for the administrator or the province's IT officer ({@code statistics.recompute.forbidden}),
     * audited.
     */
    @Transactional
    public Recount recompute(Official by) {
        if (!by.isAdministrator() && !scope.isProvincialItOfficer(by)) {
            throw DomainException.forbidden("statistics.recompute.forbidden");
        }
        Recount done = recompute();
        audit.record(AuditEntry.by(
                by,
                StatisticsAuditAction.FIGURES_RECOMPUTED,
                "statistics",
                "figures",
                null,
                Map.of(
                        "documents",
                        Integer.toString(done.documents()),
                        "dossiers",
                        Integer.toString(done.dossiers()))));
        return done;
    }

    /** The recomputation itself, for callers that run without an official (the province generator, tests). */
    @Transactional
    public Recount recompute() {
        FigureStore.Recomputation done = store.recompute();
        return new Recount(done.documents(), done.dossiers());
    }

    /** How many documents and dossiers a recomputation counted. */
    public record Recount(int documents, int dossiers) {}

    private Period checked(Period period) {
        return period.requireStartedBy(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
    }

    private static UnitView unit(UnitMap map, UUID unitId) {
        UnitView unit = map.find(unitId);
        if (unit == null) {
            throw DomainException.notFound(DirectoryRefusals.UNIT_NOT_FOUND, unitId);
        }
        return unit;
    }

    private UnitFigures figures(UnitView unit, Period period, Coverage coverage, Map<UUID, long[]> sums, UnitMap map) {
        long[] total = new long[Metric.values().length];
        for (UUID member : map.covered(unit.id(), coverage)) {
            long[] counts = sums.get(member);
            if (counts != null) {
                for (int i = 0; i < total.length; i++) {
                    total[i] += counts[i];
                }
            }
        }
        return new UnitFigures(
                unit.id(), unit.name(), unit.kind(), period, coverage, asMap(total), targets(unit.level()));
    }

    private static Map<Metric, Long> asMap(long[] counts) {
        Map<Metric, Long> result = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            result.put(metric, counts[metric.ordinal()]);
        }
        return result;
    }

    /** Competition ranking: equal rates share a rank, the next rank skips as many places. */
    private static Map<UUID, Integer> ranks(Map<UUID, Rate> rates) {
        List<Map.Entry<UUID, Rate>> sorted = new ArrayList<>(rates.entrySet());
        sorted.sort(Map.Entry.<UUID, Rate>comparingByValue().reversed());
        Map<UUID, Integer> result = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Rate rate = sorted.get(i).getValue();
            boolean tied = i > 0 && rate.compareTo(sorted.get(i - 1).getValue()) == 0;
            result.put(
                    sorted.get(i).getKey(),
                    tied
                            ? Objects.requireNonNull(
                                    result.get(sorted.get(i - 1).getKey()), "ranked just before")
                            : i + 1);
        }
        return result;
    }

    private List<FigureEntry> entries(Collection<UUID> ids, boolean dossiers) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = dossiers ? """
                  select f.subject_id, f.unit_id, f.day, x.file_code as reference, x.title, null as organ_name
                  from statistics_fact f join registry_dossier_facts x on x.id = f.subject_id
                  where f.subject_id = any(?) order by f.day desc, f.subject_id""" : """
                  select f.subject_id, f.unit_id, f.day,
                    case when d.code_number is null then null
                         else d.code_number || '/' || coalesce(d.code_notation, '') end as reference,
                    d.subject as title, d.organ_name
                  from statistics_fact f join registry_document_facts d on d.id = f.subject_id
                  where f.subject_id = any(?) order by f.day desc, f.subject_id""";
        return jdbc.sql(sql)
                .param(ids.toArray(new UUID[0]))
                .query((rs, n) -> new FigureEntry(
                        rs.getObject("subject_id", UUID.class),
                        dossiers,
                        rs.getObject("unit_id", UUID.class),
                        rs.getObject("day", LocalDate.class),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("organ_name")))
                .list();
    }
}
