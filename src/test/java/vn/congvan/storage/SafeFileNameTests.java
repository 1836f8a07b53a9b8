package vn.congvan.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SafeFileNameTests {

    @Test
    void aDirectoryPartIsDropped() {
        assertThat(SafeFileName.of("../../etc/passwd").value()).isEqualTo("passwd");
        assertThat(SafeFileName.of("C:\\Windows\\x.pdf").value()).isEqualTo("x.pdf");
        assertThat(SafeFileName.of("..\\../mixed/..\\to-trinh.docx").value()).isEqualTo("to-trinh.docx");
    }

    @Test
    void aVietnameseNameIsKeptInComposedForm() {
        assertThat(SafeFileName.of("Quyết định số 15.pdf").value()).isEqualTo("Quyết định số 15.pdf");
        String decomposed = Normalizer.normalize("Quyết định số 15.pdf", Normalizer.Form.NFD);
        assertThat(SafeFileName.of(decomposed).value()).isEqualTo("Quyết định số 15.pdf");
    }

    @Test
    void controlAndReservedCharactersAreRemoved() {
        assertThat(SafeFileName.of("bao\u0000cao\r\n\t.pdf").value()).isEqualTo("baocao.pdf");
        assertThat(SafeFileName.of("to<>:\"|?*trinh.pdf").value()).isEqualTo("totrinh.pdf");
        // A right-to-left override would show "hoa-don-fdp.exe" as "hoa-don-exe.pdf".
        assertThat(SafeFileName.of("hoa-don-\u202Efdp.exe").value()).isEqualTo("hoa-don-fdp.exe");
    }

    @Test
    void leadingDotsAreRemovedSoNoNameIsHiddenOrRelative() {
        assertThat(SafeFileName.of(".htaccess").value()).isEqualTo("htaccess");
        assertThat(SafeFileName.of("  ...bao cao.pdf  ").value()).isEqualTo("bao cao.pdf");
    }

    @Test
    void nothingUsableGivesTheFallbackName() {
        assertThat(SafeFileName.of("").value()).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of(null).value()).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of("..").value()).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of("/etc/").value()).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of("\u0001\u0002???").value()).isEqualTo(SafeFileName.FALLBACK);
    }

    @Test
    void aVeryLongNameIsShortenedTo255BytesKeepingItsExtension() {
        String raw = "Quyết định phê duyệt dự án đầu tư xây dựng công trình ".repeat(20) + ".pdf";

        String value = SafeFileName.of(raw).value();

        assertThat(value.getBytes(UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(value).endsWith(".pdf").doesNotEndWith(" .pdf").startsWith("Quyết định phê duyệt");
        assertThat(new String(value.getBytes(UTF_8), UTF_8)).isEqualTo(value);
        assertThat(raw).startsWith(value.substring(0, value.length() - ".pdf".length()));
    }

    @Test
    void aVeryLongNameWithoutAShortExtensionIsCutBetweenWholeCharacters() {
        String raw = "đ".repeat(300) + "." + "x".repeat(40);

        String value = SafeFileName.of(raw).value();

        assertThat(value.getBytes(UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(value).matches("đ+");
    }

    @Test
    void aSafeNameIsLeftAsItIs() {
        String raw = "Tờ trình 02-TTr (bản cuối).docx";
        assertThat(SafeFileName.of(SafeFileName.of(raw).value())).isEqualTo(SafeFileName.of(raw));
    }

    @Test
    void anUnsafeNameCannotBeConstructedDirectly() {
        assertThatThrownBy(() -> new SafeFileName("../x.pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SafeFileName("")).isInstanceOf(IllegalArgumentException.class);
    }
}
