package vn.congvan.registry.dossier;

import org.jspecify.annotations.Nullable;

/** Text typed by people, without surrounding spaces; nothing when nothing is left. */
final class Trimmed {

    private Trimmed() {}

    static @Nullable String orNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
