package vn.congvan.statistics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.statistics.figures.FigureEntry;
import vn.congvan.statistics.figures.FigurePage;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.RankedUnit;
import vn.congvan.statistics.figures.Ranking;
import vn.congvan.statistics.figures.Rate;
import vn.congvan.statistics.figures.UnitFigures;

/** The JSON shapes of the statistics API, kept apart from the module's types so they can evolve alone. */
final class Views {

    private Views() {}

    record PeriodView(String period, String kind, LocalDate from, LocalDate to) {
        static PeriodView of(Period p) {
            return new PeriodView(p.text(), p.kind().name(), p.from(), p.to());
        }
    }

    /** One metric of a unit: its count, and for a rate its base, percentage, target and colour. */
    record FigureView(
            String metric,
            long count,
            @Nullable Long base,
            @Nullable BigDecimal percent,
            @Nullable Integer target,
            @Nullable String colour) {}

    record UnitStatistics(
            UUID unitId,
            String unitName,
            String kind,
            String level,
            PeriodView period,
            String coverage,
            List<FigureView> figures) {}

    record RankedUnitView(
            int rank,
            UUID unitId,
            String unitName,
            String kind,
            long count,
            long base,
            BigDecimal percent,
            @Nullable Integer target,
            String colour,
            @Nullable Integer previousRank,
            @Nullable Integer rankChange,
            @Nullable BigDecimal change) {}

    record RankingView(
            String group,
            @Nullable UUID withinUnitId,
            String metric,
            PeriodView period,
            PeriodView previousPeriod,
            List<RankedUnitView> units) {}

    record EntryView(
            UUID id,
            String kind,
            UUID unitId,
            LocalDate day,
            @Nullable String reference,
            String title,
            @Nullable String organName) {}

    record FigureEntries(String metric, PeriodView period, long total, int page, int size, List<EntryView> entries) {}

    static UnitStatistics of(UnitFigures f) {
        List<FigureView> figures = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric.isRate()) {
                Rate rate = f.rate(metric);
                figures.add(new FigureView(
                        metric.name(),
                        rate.count(),
                        rate.base(),
                        rate.defined() ? rate.percent() : null,
                        f.target(metric).isPresent() ? f.target(metric).getAsInt() : null,
                        f.colour(metric).name()));
            } else {
                figures.add(new FigureView(metric.name(), f.count(metric), null, null, null, null));
            }
        }
        return new UnitStatistics(
                f.unitId(),
                f.unitName(),
                f.kind().name(),
                f.level().name(),
                PeriodView.of(f.period()),
                f.coverage().name(),
                figures);
    }

    static RankingView of(Ranking r) {
        List<RankedUnitView> units = new ArrayList<>();
        for (RankedUnit u : r.units()) {
            UnitFigures f = u.figures();
            units.add(new RankedUnitView(
                    u.rank(),
                    f.unitId(),
                    f.unitName(),
                    f.kind().name(),
                    u.rate().count(),
                    u.rate().base(),
                    u.rate().percent(),
                    f.target(r.metric()).isPresent() ? f.target(r.metric()).getAsInt() : null,
                    u.colour().name(),
                    u.previousRank(),
                    u.rankChange(),
                    u.change()));
        }
        return new RankingView(
                r.group().name(),
                r.withinUnitId(),
                r.metric().name(),
                PeriodView.of(r.period()),
                PeriodView.of(r.previousPeriod()),
                units);
    }

    static FigureEntries of(FigurePage page) {
        List<EntryView> entries = new ArrayList<>();
        for (FigureEntry e : page.entries()) {
            entries.add(new EntryView(
                    e.id(),
                    e.dossier() ? "DOSSIER" : "DOCUMENT",
                    e.unitId(),
                    e.day(),
                    e.reference(),
                    e.title(),
                    e.organName()));
        }
        return new FigureEntries(
                page.metric().name(), PeriodView.of(page.period()), page.total(), page.page(), page.size(), entries);
    }
}
