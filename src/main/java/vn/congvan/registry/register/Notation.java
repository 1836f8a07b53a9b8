package vn.congvan.registry.register;

import org.jspecify.annotations.Nullable;
import vn.congvan.registry.DocumentType;

/**
 * Number and notation of a document by Decree 30 (số, ký hiệu): {@code 15/QĐ-UBND} for a typed
 * document (type, then issuer), {@code 05/UBND-VX} for a công văn (issuer, then drafting division
 * or field); numbers below 10 take a leading zero; no spaces.
 */
public record Notation(String codeNumber, String codeNotation) {

    public static Notation of(int number, DocumentType type, String issuer, @Nullable String division) {
        if (number < 1) {
            throw new IllegalArgumentException("Document numbers start at 1");
        }
        String codeNumber = number < 10 ? "0" + number : Integer.toString(number);
        StringBuilder notation = new StringBuilder();
        if (type.namedInNotation()) {
            notation.append(type.abbreviation()).append('-').append(compact(issuer));
        } else {
            notation.append(compact(issuer));
            if (division != null && !division.isBlank()) {
                notation.append('-').append(compact(division));
            }
        }
        return new Notation(codeNumber, notation.toString());
    }

    /** As printed after "Số:": {@code 15/QĐ-UBND}. */
    public String full() {
        return codeNumber + "/" + codeNotation;
    }

    private static String compact(String part) {
        return part.replaceAll("\\s+", "");
    }
}
