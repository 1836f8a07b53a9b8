package vn.congvan.signing.keys;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a certificate's subject names a person: the same full name whatever the case, the
 * Unicode form or the spacing; a name written without diacritics (as some certification
 * authorities issue them) matches the person's name stripped of them, but a name with diacritics
 * must carry the same ones ("Thắng" is not "Thằng").
 */
public final class PersonNames {

    private PersonNames() {}

    public static boolean same(String written, String fullName) {
        String a = canonical(written);
        String b = canonical(fullName);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        return isAscii(a) && a.equals(withoutDiacritics(b));
    }

    private static String canonical(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static String withoutDiacritics(String name) {
        String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }

    private static boolean isAscii(String name) {
        return name.chars().allMatch(c -> c < 128);
    }
}
