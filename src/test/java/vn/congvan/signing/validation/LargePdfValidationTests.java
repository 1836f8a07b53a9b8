package vn.congvan.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.signing.SignatureVerdict;
import vn.congvan.signing.ValidationReport;

/** A PDF larger than the signature library can read is said not to be checked, never given a verdict. */
class LargePdfValidationTests {

    @TempDir
    Path directory;

    @Test
    void aPdfPastTwoGibibytesIsReportedNotCheckedWithoutTheSignatureLibraryReadingIt() throws IOException {
        Path pdf = directory.resolve("Quy hoạch phân khu.pdf");
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            // Sparse: the file system keeps no zeros, and nothing here reads them.
            file.setLength(PdfValidator.LARGEST_CHECKED + 1);
        }

        ValidationReport report = StandaloneValidators.trusting(List.of(), List.of(), List.of())
                .validate(pdf, Locale.forLanguageTag("vi"));

        assertThat(report.verdict()).isEqualTo(SignatureVerdict.TOO_LARGE);
        assertThat(report.notChecked())
                .isEqualTo("Không kiểm tra được: tệp lớn hơn 2 GiB, quá giới hạn của bộ kiểm tra chữ ký số");
    }
}
