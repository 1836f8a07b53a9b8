package vn.congvan.statistics.figures;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kept figures: facts per document and dossier, refreshed one subject at a time, summed per
 * unit and day and per unit and month; and their full recomputation from the source tables.
 */
@Service
public class FigureStore {

    private static final String DAY_TABLE = "statistics_unit_day";
    private static final String MONTH_TABLE = "statistics_unit_month";

    /**
     * The advisory lock of one subject's figures: {@code hashtextextended(prefix || subject id, seed)},
     * one key, so apart from every cluster job's lock ({@link vn.congvan.platform.ClusterJobs}).
     */
    private static final String SUBJECT_LOCK_PREFIX = "statistics:";

    private static final int SUBJECT_LOCK_SEED = 0;

    private final JdbcClient jdbc;
    private final FactSource source;
    private final Clock clock;

    FigureStore(JdbcClient jdbc, FactSource source, Clock clock) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
    }

    /** Counts the document as it stands now; nothing changes when it stands as last counted. */
    @Transactional
    public void refreshDocument(UUID documentId) {
        refresh(documentId, () -> source.document(documentId));
    }

    @Transactional
    public void refreshDossier(UUID dossierId) {
        refresh(dossierId, () -> source.dossier(dossierId));
    }

    /** Refreshes every document whose main file's current content is this one. */
    @Transactional
    public void refreshContent(String sha256) {
        for (UUID documentId : source.documentsWithMainContent(sha256)) {
            refresh(documentId, () -> source.document(documentId));
        }
    }

    /**
     * Throws every kept figure away and counts every document and dossier again. Refreshes wait
     * meanwhile (the table lock), and those that waited then find the recomputed facts; readers see
     * the previous figures until the recomputation commits.
     */
    @Transactional
    public Recomputation recompute() {
        // Exclusive mode stops refreshes, not readers: pages and the API read the old figures until commit.
        jdbc.sql("lock table statistics_fact in exclusive mode").update();
        // The planner statistics of the tables behind the views read below are their owners' to keep fresh
        // (the volume generator analyzes what it loaded): ADR 0016.
        jdbc.sql("delete from statistics_fact").update();
        jdbc.sql("delete from " + DAY_TABLE).update();
        jdbc.sql("delete from " + MONTH_TABLE).update();
        Timestamp now = Timestamp.from(clock.instant());
        String columns = "subject_id, subject, unit_id, day, " + Columns.list("") + ", refreshed_at";
        String select = "select subject_id, subject, unit_id, day, " + Columns.list("") + ", ?::timestamptz from (";
        int documents = jdbc.sql(
                        "insert into statistics_fact (" + columns + ") " + select + FactSource.DOCUMENTS + ") f")
                .param(now)
                .update();
        int dossiers = jdbc.sql("insert into statistics_fact (" + columns + ") " + select + FactSource.DOSSIERS + ") f")
                .param(now)
                .update();
        jdbc.sql("insert into " + DAY_TABLE + " (unit_id, day, " + Columns.list("") + ") select unit_id, day, "
                        + Columns.sums() + " from statistics_fact group by unit_id, day")
                .update();
        jdbc.sql("insert into " + MONTH_TABLE + " (unit_id, month, " + Columns.list("") + ") select unit_id, "
                        + "date_trunc('month', day)::date, " + Columns.sums() + " from " + DAY_TABLE
                        + " group by unit_id, date_trunc('month', day)")
                .update();
        return new Recomputation(documents, dossiers);
    }

    /** How many documents and dossiers a full recomputation counted. */
    public record Recomputation(int documents, int dossiers) {}

    /** The sums over the period of every unit with any count, by unit id, in {@link Metric} order. */
    @Transactional(readOnly = true)
    public Map<UUID, long[]> sums(Period period) {
        return sums(period, (UUID @Nullable []) null);
    }

    /** The sums over the period of the given units (those without any count are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, long[]> sums(Period period, Collection<UUID> unitIds) {
        return sums(period, unitIds.toArray(new UUID[0]));
    }

    private Map<UUID, long[]> sums(Period period, UUID @Nullable [] unitIds) {
        // Whole months come from the month table, the days before the first and after the last from the day table.
        LocalDate firstWhole = period.from().getDayOfMonth() == 1
                ? period.from()
                : YearMonth.from(period.from()).plusMonths(1).atDay(1);
        LocalDate lastWhole = period.to().equals(YearMonth.from(period.to()).atEndOfMonth())
                ? period.to()
                : YearMonth.from(period.to()).atDay(1).minusDays(1);
        String units = unitIds == null ? "" : " and unit_id = any(?)";
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (firstWhole.isBefore(lastWhole)) {
            parts.add("select unit_id, " + Columns.list("") + " from " + MONTH_TABLE + " where month between ? and ?"
                    + units);
            params.add(Date.valueOf(firstWhole));
            params.add(Date.valueOf(lastWhole.withDayOfMonth(1)));
            addUnits(params, unitIds);
            days(parts, params, units, unitIds, period.from(), firstWhole.minusDays(1));
            days(parts, params, units, unitIds, lastWhole.plusDays(1), period.to());
        } else {
            days(parts, params, units, unitIds, period.from(), period.to());
        }
        String sql = "select unit_id, " + Columns.sums() + " from (" + String.join(" union all ", parts)
                + ") x group by unit_id";
        Map<UUID, long[]> result = new HashMap<>();
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            result.put(rs.getObject("unit_id", UUID.class), counts(rs));
        });
        return result;
    }

    /** Month by month, the sums of the given units together, from {@code first} to {@code last}. */
    @Transactional(readOnly = true)
    public Map<YearMonth, long[]> monthly(Collection<UUID> unitIds, YearMonth first, YearMonth last) {
        Map<YearMonth, long[]> result = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            result.put(m, new long[Columns.METRICS.length]);
        }
        jdbc.sql("select month, " + Columns.sums() + " from " + MONTH_TABLE
                        + " where unit_id = any(?) and month between ? and ? group by month")
                .params(unitIds.toArray(new UUID[0]), Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)))
                .query((ResultSet rs) -> {
                    result.put(YearMonth.from(rs.getObject("month", LocalDate.class)), counts(rs));
                });
        return result;
    }

    /** The subjects counted in the metric for the units over the period, the latest first, one page. */
    @Transactional(readOnly = true)
    public List<UUID> subjects(Collection<UUID> unitIds, Metric metric, Period period, int limit, long offset) {
        return jdbc.sql("select subject_id from statistics_fact where unit_id = any(?) and day between ? and ? and "
                        + Columns.of(metric) + " = 1 order by day desc, subject_id limit ? offset ?")
                .params(
                        unitIds.toArray(new UUID[0]),
                        Date.valueOf(period.from()),
                        Date.valueOf(period.to()),
                        limit,
                        offset)
                .query(UUID.class)
                .list();
    }

    private void refresh(UUID subjectId, java.util.function.Supplier<Optional<Fact>> source) {
        // Waits for a recomputation in progress; then one refresh of the subject at a time. The
        // source is read only once the lock is held: read before it, two refreshes of one document
        // (its registration and its handling, say) could commit in the wrong order and the older
        // reading win.
        jdbc.sql("lock table statistics_fact in row exclusive mode").update();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, " + SUBJECT_LOCK_SEED + "))")
                .param(SUBJECT_LOCK_PREFIX + subjectId)
                .query((rs, n) -> n)
                .list();
        Optional<Fact> now = source.get();
        Optional<Fact> before = jdbc.sql("select * from statistics_fact where subject_id = ?")
                .param(subjectId)
                .query(Fact::read)
                .optional();
        if (before.isPresent() && now.isPresent() && before.get().sameAs(now.get())) {
            return;
        }
        if (before.isEmpty() && now.isEmpty()) {
            return;
        }
        // Sorted keys, so that two refreshes touching the same days lock their rows in the same order.
        TreeMap<String, Delta> deltas = new TreeMap<>();
        before.ifPresent(fact -> add(deltas, fact, -1));
        now.ifPresent(fact -> add(deltas, fact, 1));
        for (Delta delta : deltas.values()) {
            apply(delta);
        }
        if (now.isEmpty()) {
            jdbc.sql("delete from statistics_fact where subject_id = ?")
                    .param(subjectId)
                    .update();
            return;
        }
        Fact fact = now.get();
        List<Object> params =
                new ArrayList<>(List.of(fact.subjectId(), fact.subject(), fact.unitId(), Date.valueOf(fact.day())));
        for (int value : fact.values()) {
            params.add(value);
        }
        params.add(Timestamp.from(clock.instant()));
        String placeholders = "?, ".repeat(Columns.METRICS.length);
        jdbc.sql("insert into statistics_fact (subject_id, subject, unit_id, day, " + Columns.list("")
                        + ", refreshed_at) values (?, ?, ?, ?, " + placeholders
                        + "?) on conflict (subject_id) do update set "
                        + "unit_id = excluded.unit_id, day = excluded.day, " + assignments("excluded.")
                        + ", refreshed_at = excluded.refreshed_at")
                .params(params)
                .update();
    }

    private static void add(Map<String, Delta> deltas, Fact fact, int sign) {
        LocalDate month = fact.day().withDayOfMonth(1);
        deltas.computeIfAbsent(
                        "d " + fact.unitId() + " " + fact.day(),
                        k -> new Delta(DAY_TABLE, "day", fact.unitId(), fact.day()))
                .add(fact.values(), sign);
        deltas.computeIfAbsent(
                        "m " + fact.unitId() + " " + month, k -> new Delta(MONTH_TABLE, "month", fact.unitId(), month))
                .add(fact.values(), sign);
    }

    private void apply(Delta delta) {
        if (delta.zero()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(delta.unitId, Date.valueOf(delta.day)));
        for (long value : delta.values) {
            params.add(value);
        }
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < Columns.METRICS.length; i++) {
            String column = Columns.of(Columns.METRICS[i]);
            sums.append(i == 0 ? "" : ", ")
                    .append(column)
                    .append(" = ")
                    .append(delta.table)
                    .append('.')
                    .append(column)
                    .append(" + excluded.")
                    .append(column);
        }
        jdbc.sql("insert into " + delta.table + " (unit_id, " + delta.dayColumn + ", " + Columns.list("")
                        + ") values (?, ?, " + "?, ".repeat(Columns.METRICS.length - 1) + "?) on conflict (unit_id, "
                        + delta.dayColumn + ") do update set " + sums)
                .params(params)
                .update();
    }

    private static String assignments(String prefix) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < Columns.METRICS.length; i++) {
            String column = Columns.of(Columns.METRICS[i]);
            result.append(i == 0 ? "" : ", ")
                    .append(column)
                    .append(" = ")
                    .append(prefix)
                    .append(column);
        }
        return result.toString();
    }

    /** The day table's rows of [from, to], when that holds a day (a period of whole months has no edge days). */
    private static void days(
            List<String> parts,
            List<Object> params,
            String units,
            UUID @Nullable [] unitIds,
            LocalDate from,
            LocalDate to) {
        if (!from.isAfter(to)) {
            parts.add("select unit_id, " + Columns.list("") + " from " + DAY_TABLE + " where day between ? and ?"
                    + units);
            params.add(Date.valueOf(from));
            params.add(Date.valueOf(to));
            addUnits(params, unitIds);
        }
    }

    private static void addUnits(List<Object> params, UUID @Nullable [] unitIds) {
        if (unitIds != null) {
            params.add(unitIds);
        }
    }

    private static long[] counts(ResultSet rs) throws SQLException {
        long[] counts = new long[Columns.METRICS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rs.getLong(Columns.of(Columns.METRICS[i]));
        }
        return counts;
    }

    /** What a refresh adds to one row of the day or month table. */
    private static final class Delta {
        final String table;
        final String dayColumn;
        final UUID unitId;
        final LocalDate day;
        final long[] values = new long[Columns.METRICS.length];

        Delta(String table, String dayColumn, UUID unitId, LocalDate day) {
            this.table = table;
            this.dayColumn = dayColumn;
            this.unitId = unitId;
            this.day = day;
        }

        void add(int[] fact, int sign) {
            for (int i = 0; i < values.length; i++) {
                values[i] += (long) sign * fact[i];
            }
        }

        boolean zero() {
            for (long value : values) {
                if (value != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
