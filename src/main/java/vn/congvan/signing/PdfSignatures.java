package vn.congvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Validates a PDF read from a stream (an upload), through a temporary file deleted afterwards. */
    public ValidationReport validate(InputStream pdf, Locale locale) {
        Path copy = null;
        try {
            copy = Files.createTempFile("congvan-validation-", ".pdf");
            Files.copy(pdf, copy, StandardCopyOption.REPLACE_EXISTING);
            return validator.validate(copy, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }
}
