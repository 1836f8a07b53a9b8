package vn.congvan.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.Official;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.StatisticsScope;
import vn.congvan.statistics.figures.UnitGroup;

/** The statistics API: rankings, a unit's figures, the documents behind a figure; each within the caller's scope. */
@RestController
@Tag(name = "statistics")
class StatisticsApi {

    private final Statistics statistics;
    private final StatisticsScope scope;
    private final Requests requests;

    StatisticsApi(Statistics statistics, StatisticsScope scope, Requests requests) {
        this.statistics = statistics;
        this.scope = scope;
        this.requests = requests;
    }

    @GetMapping("/api/v1/statistics/ranking")
    @Operation(
            operationId = "getRanking",
            summary = "Units of a group (AGENCIES, DISTRICTS, COMMUNES) ranked by a rate over a period (2026-03,"
                    + " 2026-Q1, 2026, 2026-01-05..2026-02-10; default the last month), with the change against"
                    + " the previous period and each rate's colour against its target; within: a district's units only")
    Views.RankingView getRanking(
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String metric,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable UUID within,
            @RequestParam(required = false) @Nullable String coverage,
            @AuthenticationPrincipal Official official) {
        scope.requireRankingVisible(official, within);
        UnitGroup g = requests.group(group, UnitGroup.AGENCIES);
        return Views.of(statistics.ranking(
                g,
                within,
                requests.metric(metric, Metric.OUTGOING_FULLY_SIGNED),
                requests.period(period),
                requests.coverage(coverage)));
    }

    @GetMapping("/api/v1/statistics/units/{unitId}")
    @Operation(
            operationId = "getUnitStatistics",
            summary = "Every figure of a unit over a period: counts, rates, targets and colours; coverage TERRITORY"
                    + " adds the units below it (a district's communes)")
    Views.UnitStatistics getUnitStatistics(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String coverage,
            @AuthenticationPrincipal Official official) {
        scope.requireVisible(official, unitId);
        return Views.of(statistics.figures(unitId, requests.period(period), requests.coverage(coverage)));
    }

    @GetMapping("/api/v1/statistics/units/{unitId}/figures/{metric}/documents")
    @Operation(
            operationId = "listDocumentsBehindFigure",
            summary = "The documents (or work dossiers) counted in one figure of a unit, the latest first, a page at"
                    + " a time; total equals the figure")
    Views.FigureEntries listDocumentsBehindFigure(
            @PathVariable UUID unitId,
            @PathVariable String metric,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String coverage,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Statistics.PAGE_SIZE) int size,
            @AuthenticationPrincipal Official official) {
        scope.requireVisible(official, unitId);
        return Views.of(statistics.documentsBehind(
                unitId,
                requests.metric(metric, Metric.OUTGOING_FULLY_SIGNED),
                requests.period(period),
                requests.coverage(coverage),
                page,
                size));
    }

    @PostMapping("/api/v1/statistics/recomputation")
    @Operation(
            operationId = "recomputeStatistics",
            summary = "The administrator or the province's IT officer counts every figure again from the documents")
    Statistics.Recount recomputeStatistics(@AuthenticationPrincipal Official official) {
        return statistics.recompute(official);
    }
}
