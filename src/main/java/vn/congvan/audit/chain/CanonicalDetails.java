package vn.congvan.audit.chain;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The details of a record as the text that is hashed and stored: a JSON object of string members
 * in the RFC 8785 canonical form (JCS) — members sorted by the UTF-16 code units of their names,
 * no whitespace, strings escaped only where JSON requires it ({@code \"}, {@code \\}, the short
 * forms {@code \b \t \n \f \r}, other controls as six-character {@code u00xx} escapes in lowercase
 * hex), everything else as is in UTF-8.
 */
final class CanonicalDetails {

    private static final TypeReference<TreeMap<String, String>> PAIRS = new TypeReference<>() {};

    private CanonicalDetails() {}

    static String write(Map<String, String> details) {
        StringBuilder json = new StringBuilder("{");
        // TreeMap's natural String order is the order of UTF-16 code units that RFC 8785 asks for.
        new TreeMap<>(details).forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, name);
            json.append(':');
            appendString(json, value);
        });
        return json.append('}').toString();
    }

    static Map<String, String> read(String json) {
        return JsonMapper.shared().readValue(json, PAIRS);
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
