package vn.congvan.statistics.figures;

/** How a period was chosen: a calendar month, quarter or year, or any run of days. */
public enum PeriodKind {
    MONTH,
    QUARTER,
    YEAR,
    CUSTOM;

    public String messageKey() {
        return "statistics.period-kind." + name();
    }
}
