package vn.congvan.signing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The signatures found in a PDF, each with its verdict, in the order they were made; none, and
 * why in the reader's language ({@code notChecked}), when the PDF decodes past the bounds and its
 * signatures could not be checked.
 */
public record ValidationReport(
        List<SignatureCheck> signatures, @Nullable String notChecked) {

    public ValidationReport {
        signatures = List.copyOf(signatures);
    }

    public ValidationReport(List<SignatureCheck> signatures) {
        this(signatures, null);
    }

    /** The report on a PDF whose streams decode past the bounds, saying so: its signatures could not be checked. */
    public static ValidationReport tooLargeToCheck(String reason) {
        return new ValidationReport(List.of(), reason);
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    /** True when the PDF carries signatures and every one of them is valid. */
    public boolean allValid() {
        return signed() && signatures.stream().allMatch(SignatureCheck::valid);
    }

    /** The verdict on the signatures taken together: an invalid one outweighs an undecided one. */
    public SignatureVerdict verdict() {
        if (notChecked != null) {
            return SignatureVerdict.TOO_LARGE;
        }
        if (!signed()) {
            return SignatureVerdict.UNSIGNED;
        }
        if (signatures.stream().anyMatch(s -> s.result() == SignatureResult.TOTAL_FAILED)) {
            return SignatureVerdict.SOME_INVALID;
        }
        return allValid() ? SignatureVerdict.ALL_VALID : SignatureVerdict.INDETERMINATE;
    }
}
