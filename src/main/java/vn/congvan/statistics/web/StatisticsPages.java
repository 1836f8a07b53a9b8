package vn.congvan.statistics.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.Official;
import vn.congvan.statistics.figures.Coverage;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.PeriodChoices;
import vn.congvan.statistics.figures.RankedUnit;
import vn.congvan.statistics.figures.Ranking;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.StatisticsScope;
import vn.congvan.statistics.figures.UnitFigures;
import vn.congvan.statistics.figures.UnitGroup;
import vn.congvan.statistics.usage.UsageScope;

/**
 * The statistics pages: the province's dashboard for the provincial monitor and the Chairman, the
 * same scoped to a district for its leaders, a unit's own page, and the documents behind a figure;
 * those who may read a unit's usage scores find them linked there.
 */
@Controller
class StatisticsPages {

    private static final int TREND_MONTHS = 12;

    private final Statistics statistics;
    private final StatisticsScope scope;
    private final Requests requests;
    private final Directory directory;
    private final UsageScope usage;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    StatisticsPages(
            Statistics statistics,
            StatisticsScope scope,
            Requests requests,
            Directory directory,
            UsageScope usage,
            MessageSource messages) {
        this.statistics = statistics;
        this.scope = scope;
        this.requests = requests;
        this.directory = directory;
        this.usage = usage;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    String dashboard(
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String metric,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable UUID within,
            @AuthenticationPrincipal Official official,
            Model model,
            Locale locale) {
        UUID scopeUnit = within;
        if (scopeUnit == null && !scope.seesProvince(official)) {
            Set<UUID> districts = scope.districts(official);
            if (districts.isEmpty()) {
                UUID own = official.unitIds().stream().findFirst().orElse(null);
                return own == null ? "redirect:/" : "redirect:/statistics/units/" + own;
            }
            scopeUnit = districts.iterator().next();
        }
        scope.requireRankingVisible(official, scopeUnit);
        // A district's leaders first see their communes; the province, its agencies.
        boolean district = scopeUnit != null && directory.unit(scopeUnit).level() == UnitLevel.DISTRICT;
        UnitGroup g = requests.group(group, district ? UnitGroup.COMMUNES : UnitGroup.AGENCIES);
        Metric m = requests.metric(metric, Metric.OUTGOING_FULLY_SIGNED);
        Period p = requests.pagePeriod(period);
        Ranking ranking = statistics.ranking(g, scopeUnit, m, p, Coverage.UNIT);
        UUID trendUnit = scopeUnit != null ? scopeUnit : provinceRoot();
        model.addAttribute("ranking", ranking);
        periods(model, p);
        model.addAttribute("groups", UnitGroup.values());
        model.addAttribute("rates", rates());
        model.addAttribute("group", g);
        model.addAttribute("metric", m);
        model.addAttribute("period", p);
        model.addAttribute("within", scopeUnit);
        model.addAttribute("scopeUnit", scopeUnit == null ? null : directory.unit(scopeUnit));
        model.addAttribute("rankingChart", rankingChart(ranking, locale));
        model.addAttribute("readsReports", scope.seesProvince(official));
        model.addAttribute("readsUsage", scopeUnit != null && usage.covers(official, scopeUnit));
        if (trendUnit != null) {
            UnitFigures whole = statistics.figures(trendUnit, p, Coverage.TERRITORY);
            model.addAttribute("territory", whole);
            model.addAttribute(
                    "trendChart",
                    trendChart(statistics.trend(trendUnit, Coverage.TERRITORY, lastMonth(p), TREND_MONTHS), locale));
        }
        return "statistics/dashboard";
    }

    @GetMapping("/statistics/units/{unitId}")
    String unit(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String coverage,
            @AuthenticationPrincipal Official official,
            Model model,
            Locale locale) {
        scope.requireVisible(official, unitId);
        Period p = requests.pagePeriod(period);
        Coverage c = requests.coverage(coverage);
        UnitFigures figures = statistics.figures(unitId, p, c);
        model.addAttribute("figures", figures);
        periods(model, p);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("period", p);
        model.addAttribute("coverage", c);
        model.addAttribute("unit", directory.unit(unitId));
        model.addAttribute("readsUsage", usage.covers(official, unitId));
        model.addAttribute("trendChart", trendChart(statistics.trend(unitId, c, lastMonth(p), TREND_MONTHS), locale));
        return "statistics/unit";
    }

    @GetMapping("/statistics/units/{unitId}/figures/{metric}")
    String behind(
            @PathVariable UUID unitId,
            @PathVariable String metric,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String coverage,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            @AuthenticationPrincipal Official official,
            Model model) {
        scope.requireVisible(official, unitId);
        Metric m = requests.metric(metric, Metric.OUTGOING_FULLY_SIGNED);
        Period p = requests.pagePeriod(period);
        Coverage c = requests.coverage(coverage);
        model.addAttribute("behind", statistics.documentsBehind(unitId, m, p, c, page, Statistics.PAGE_SIZE));
        model.addAttribute("unit", directory.unit(unitId));
        model.addAttribute("metric", m);
        model.addAttribute("period", p);
        model.addAttribute("coverage", c);
        return htmx ? "statistics/behind :: entries" : "statistics/behind";
    }

    /** The picker's periods and the name of the one shown. */
    private void periods(Model model, Period shown) {
        java.time.LocalDate today = requests.today();
        model.addAttribute("periodChoices", PeriodChoices.around(today, shown));
        model.addAttribute("periodName", PeriodChoices.of(shown, today));
    }

    private static List<Metric> rates() {
        List<Metric> rates = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.isRate()) {
                rates.add(m);
            }
        }
        return rates;
    }

    private static YearMonth lastMonth(Period period) {
        return YearMonth.from(period.to());
    }

    private @Nullable UUID provinceRoot() {
        for (UnitView unit : directory.units()) {
            if (unit.parentId() == null) {
                return unit.id();
            }
        }
        return null;
    }

    /** Rates by unit as bars, the target as a line: the data Chart.js draws (static/js/statistics.js). */
    private String rankingChart(Ranking ranking, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Object> rates = new ArrayList<>();
        List<Object> targets = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (RankedUnit u : ranking.units()) {
            labels.add(u.figures().unitName());
            rates.add(u.rate().defined() ? u.rate().percent() : null);
            targets.add(
                    u.figures().target(ranking.metric()).isPresent()
                            ? u.figures().target(ranking.metric()).getAsInt()
                            : null);
            colours.add(u.colour().name());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "ranking");
        chart.put("labels", labels);
        chart.put("rate", messages.getMessage(ranking.metric().messageKey(), null, locale));
        chart.put("target", messages.getMessage("statistics.ui.target", null, locale));
        chart.put("rates", rates);
        chart.put("targets", targets);
        chart.put("colours", colours);
        return json.writeValueAsString(chart);
    }

    /** The main rates month by month, with their targets. */
    private String trendChart(List<UnitFigures> months, Locale locale) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Object>> series = new LinkedHashMap<>();
        List<Metric> shown = List.of(
                Metric.OUTGOING_FULLY_SIGNED,
                Metric.OUTGOING_LEADER_SIGNED,
                Metric.OUTGOING_ORGANIZATION_SIGNED,
                Metric.INCOMING_HANDLED,
                Metric.DOSSIERS_IN_SOFTWARE);
        for (Metric m : shown) {
            series.put(messages.getMessage(m.messageKey(), null, locale), new ArrayList<>());
        }
        for (UnitFigures f : months) {
            // As people write a month: 3/2026.
            labels.add(
                    f.period().from().getMonthValue() + "/" + f.period().from().getYear());
            int i = 0;
            for (List<Object> values : series.values()) {
                Metric m = shown.get(i++);
                values.add(f.rate(m).defined() ? f.rate(m).percent() : null);
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "trend");
        chart.put("labels", labels);
        chart.put("series", series);
        chart.put("target", messages.getMessage("statistics.ui.target", null, locale));
        chart.put(
                "targetValue",
                months.isEmpty()
                        ? null
                        : months.get(0).target(Metric.OUTGOING_FULLY_SIGNED).orElse(0));
        return json.writeValueAsString(chart);
    }
}
