package vn.congvan.registry.document;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Diacritics;

/**
 * The words a document is found by, folded to ASCII lower case so that "quyet dinh" finds
 * "Quyết định"; punctuation becomes spaces so "15/QĐ-UBND" is found by "15", "qd" and "ubnd".
 */
public final class SearchableText {

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private final StringBuilder text = new StringBuilder();

    public SearchableText add(@Nullable String part) {
        if (part != null && !part.isBlank()) {
            text.append(' ').append(part);
        }
        return this;
    }

    public String folded() {
        return normalize(text.toString());
    }

    /** Folds and splits a query or a text into plain words separated by single spaces. */
    public static String normalize(String raw) {
        return NOT_WORD.matcher(Diacritics.fold(raw)).replaceAll(" ").trim();
    }
}
