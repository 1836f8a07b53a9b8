package vn.congvan.directory.web;

import org.jspecify.annotations.Nullable;

/** Form fields left empty arrive as empty strings; commands treat them as absent. */
final class Blank {

    private Blank() {}

    static @Nullable String toNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
