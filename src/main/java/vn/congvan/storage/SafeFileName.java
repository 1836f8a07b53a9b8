package vn.congvan.storage;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A file name (tên tệp) fit to show and to offer in a download, made from whatever a client sent:
 * no directory part, no control or reserved characters, no leading dot, at most 255 UTF-8 bytes
 * with its extension kept, Vietnamese letters in NFC. It names a file for people only: storage
 * addresses contents by their SHA-256, never by a name.
 */
public record SafeFileName(String value) {

    /** The name given when nothing usable is left ("attachment"). */
    public static final String FALLBACK = "tep-dinh-kem";

    static final int MAX_BYTES = 255;
    private static final int MAX_EXTENSION_BYTES = 16;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}<>:\"|?*/\\\\]");

    /** Accepts only a value that {@link #of} could have produced; use {@link #of} for names from outside. */
    public SafeFileName {
        if (value.isEmpty()
                || UNWANTED.matcher(value).find()
                || value.startsWith(".")
                || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Not a safe file name, use SafeFileName.of: " + value);
        }
    }

    /**
     * The safe form of the name of a file a person uploads, refused ({@code storage.file-name.control},
     * 400) when it holds a control character: a NUL or a line break in a name is no typing mistake.
     */
    public static SafeFileName ofUpload(@Nullable String raw) {
        if (raw != null && CONTROL.matcher(raw).find()) {
            throw vn.congvan.shared.DomainException.invalid("storage.file-name.control");
        }
        return of(raw);
    }

    /** The safe form of a name sent by a client; {@value #FALLBACK} when nothing of it is usable. */
    public static SafeFileName of(@Nullable String raw) {
        if (raw == null) {
            return new SafeFileName(FALLBACK);
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNWANTED.matcher(name).replaceAll("");
        // Removing a format character can bring a letter next to its combining mark again.
        name = trimEnds(Normalizer.normalize(name, Normalizer.Form.NFC));
        name = fitInBytes(name);
        return new SafeFileName(name.isEmpty() ? FALLBACK : name);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Without leading dots (hidden files, "..") or trailing dots, and without surrounding spaces. */
    private static String trimEnds(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || isSpace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || isSpace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Shortens the part before the extension, cutting between whole characters. */
    private static String fitInBytes(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && utf8Length(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int room = MAX_BYTES - utf8Length(extension);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int codePoint = base.codePointAt(i);
            int bytes = utf8Length(new String(Character.toChars(codePoint)));
            if (used + bytes > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += bytes;
            i += Character.charCount(codePoint);
        }
        return trimEnds(kept.toString()) + extension;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
