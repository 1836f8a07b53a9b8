package vn.congvan.signing;

import java.util.List;

/** The signatures found in a PDF, each with its verdict, in the order they were made. */
public record ValidationReport(List<SignatureCheck> signatures) {

    public ValidationReport {
        signatures = List.copyOf(signatures);
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    /** True when the PDF carries signatures and every one of them is valid. */
    public boolean allValid() {
        return signed() && signatures.stream().allMatch(SignatureCheck::valid);
    }
}
