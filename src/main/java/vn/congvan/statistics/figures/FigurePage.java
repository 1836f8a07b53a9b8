package vn.congvan.statistics.figures;

import java.util.List;

/** One page of the entries behind a figure, and how many there are in all (the figure itself). */
public record FigurePage(Metric metric, Period period, List<FigureEntry> entries, long total, int page, int size) {

    public FigurePage {
        entries = List.copyOf(entries);
    }
}
