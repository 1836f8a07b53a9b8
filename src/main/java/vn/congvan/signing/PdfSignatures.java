package vn.congvan.signing;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.congvan.signing.validation.PdfValidator;

/** What other modules may ask of signing: the verdict on every signature of a PDF. */
@Service
public class PdfSignatures {

    private final PdfValidator validator;

    PdfSignatures(PdfValidator validator) {
        this.validator = validator;
    }

    /**
     * Validates the PDF in a local file, with reasons in the given language; refuses what is not a
     * PDF ({@code signing.file.not-pdf}).
     */
    public ValidationReport validate(Path pdf, Locale locale) {
        return validator.validate(pdf, locale);
    }
}
