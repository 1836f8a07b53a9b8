package vn.congvan.directory.web;

import java.util.Locale;
import vn.congvan.shared.DomainException;

/**
 * What a new password must be: 12 to 200 characters, not containing the user name, and not all of
 * one kind of character (letters of one case only, digits only, signs only).
 */
final class PasswordRule {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private PasswordRule() {}

    /** Refuses a password that breaks the rule, with the reason in the reader's language. */
    static void check(String username, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw DomainException.invalid("directory.password.length", MIN_LENGTH, MAX_LENGTH);
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalid("directory.password.contains-username");
        }
        if (kinds(password) < 2) {
            throw DomainException.invalid("directory.password.one-kind");
        }
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
