package vn.congvan.statistics.figures;

/** How a rate stands against its target, as dashboards and reports colour it. */
public enum RateColour {
    /** At or above the target. */
    GREEN,
    /** Below the target by no more than the configured margin. */
    AMBER,
    /** Further below. */
    RED,
    /** No target, or nothing to count. */
    GREY;

    public String messageKey() {
        return "statistics.colour." + name();
    }
}
