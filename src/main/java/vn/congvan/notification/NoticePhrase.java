package vn.congvan.notification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A piece of a notice's text that is said in the reader's language too: a key of the calling
 * module's bundles with its arguments. Phrases go into a {@link Notice} as one argument
 * ({@link #argument(List)}, several phrases joined by "; "); their own arguments may be phrases
 * again, and those that are decimal numbers ({@code 72.5}) are written as numbers of the reader's
 * language ({@code 72,5} in Vietnamese).
 */
public record NoticePhrase(String key, List<String> arguments) {

    /** Starts an argument made of phrases (a control character no form field brings). */
    static final char MARK = '\u001E';

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    public NoticePhrase {
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("key must be 1 to 200 characters: " + key);
        }
        arguments = List.copyOf(arguments);
    }

    public static NoticePhrase of(String key, String... arguments) {
        return new NoticePhrase(key, List.of(arguments));
    }

    /** A notice argument made of these phrases, said one after the other, joined by "; ". */
    public static String argument(List<NoticePhrase> phrases) {
        return MARK + JSON.writeValueAsString(phrases);
    }

    /** The argument as its reader reads it: phrases said in the reader's language, other text as it is. */
    static String say(String argument, MessageSource messages, Locale locale) {
        if (argument.isEmpty() || argument.charAt(0) != MARK) {
            return argument;
        }
        List<NoticePhrase> phrases;
        try {
            phrases = JSON.readValue(argument.substring(1), new TypeReference<List<NoticePhrase>>() {});
        } catch (JacksonException | IllegalArgumentException e) {
            return argument.substring(1);
        }
        StringJoiner said = new StringJoiner("; ");
        for (NoticePhrase phrase : phrases) {
            Object[] values = phrase.arguments().stream()
                    .map(a -> DECIMAL.matcher(a).matches() ? new BigDecimal(a) : say(a, messages, locale))
                    .toArray();
            said.add(messages.getMessage(phrase.key(), values, phrase.key(), locale));
        }
        return said.toString();
    }
}
