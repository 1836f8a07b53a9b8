package vn.congvan.platform;

/**
 * One count on the home page ("12 incoming documents to register"), linking to the list behind it.
 * A tile of a kind that calls for attention ({@code urgent}) is marked so only when it counts
 * something: nothing waiting is not an alarm.
 */
public record WorkTile(int order, String labelKey, long count, String link, boolean urgent) {

    public WorkTile {
        urgent = urgent && count > 0;
    }
}
