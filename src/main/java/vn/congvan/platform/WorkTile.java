package vn.congvan.platform;

/** One count on the home page ("12 incoming documents to register"), linking to the list behind it. */
public record WorkTile(int order, String labelKey, long count, String link, boolean urgent) {}
