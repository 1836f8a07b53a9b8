package vn.congvan.notification;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A notice to send to one official: {@code kind} is a short stable code ({@code handling.assigned}),
 * {@code messageKey} a key of the calling module's bundles rendered with {@code arguments} in the
 * reader's language when shown (an argument may be made of {@link NoticePhrase}s, said in that
 * language too), {@code link} an app-relative URL ({@code /documents/…}).
 */
public record Notice(
        UUID personId, String kind, String messageKey, List<String> arguments, String link, boolean urgent) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    public Notice {
        if (!KIND.matcher(kind).matches() || kind.length() > 100) {
            throw new IllegalArgumentException("kind must be a dotted code of at most 100 characters: " + kind);
        }
        if (messageKey.isBlank() || messageKey.length() > 200) {
            throw new IllegalArgumentException("messageKey must be 1 to 200 characters: " + messageKey);
        }
        // Only a path of this application: a link elsewhere ("//host", "https:") would be an open redirect.
        if (!link.startsWith("/") || link.startsWith("//") || link.contains("\\") || link.length() > 500) {
            throw new IllegalArgumentException("link must be an app-relative path of at most 500 characters: " + link);
        }
        arguments = List.copyOf(arguments);
    }
}
