package vn.congvan.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds Vietnamese text for matching: "Quyết định" and "quyet dinh" fold to the same form. */
public final class Diacritics {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Diacritics() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
