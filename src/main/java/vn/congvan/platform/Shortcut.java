package vn.congvan.platform;

/** Something the official can start from the home page ("Register an arriving document"), opening {@code link}. */
public record Shortcut(int order, String labelKey, String link) {}
