package vn.congvan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.congvan.SampleWord;
import vn.congvan.platform.office.OfficeProperties;
import vn.congvan.shared.DomainException;

/** Word and OpenDocument files rendered as PDF by the LibreOffice installed on the machine. */
class OfficeDocumentsTests {

    @TempDir
    Path dir;

    @Test
    void aWordFileInVietnameseIsRenderedAsAPdfThatSaysTheSame() throws Exception {
        String text = render(
                office(settings()),
                "Tờ trình thẩm định.docx",
                SampleWord.docx("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Về việc thẩm định đồ án quy hoạch"));

        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Về việc thẩm định đồ án quy hoạch");
    }

    @Test
    void anOpenDocumentTextIsRenderedToo() throws Exception {
        assertThat(render(office(settings()), "cong-van.odt", SampleWord.odt("Kính gửi: Sở Tài chính")))
                .contains("Kính gửi: Sở Tài chính");
    }

    @Test
    void theRenderedFileIsNamedAfterTheWordFile() {
        assertThat(OfficeDocuments.pdfName("Tờ trình.DOCX")).isEqualTo("Tờ trình.pdf");
        assertThat(OfficeDocuments.pdfName(".odt")).isEqualTo("du-thao.pdf");
        assertThat(OfficeDocuments.isOfficeDocument("du-thao.pdf")).isFalse();
        assertThat(OfficeDocuments.isOfficeDocument("du-thao.doc")).isFalse();
    }

    @Test
    void aDamagedFileAPasswordAnOldFormatMacrosAndAnInflatingFileAreEachRefusedWithTheirReasonBeforeLibreOfficeRuns()
            throws Exception {
        // A program that is not there: a refusal from it would say "missing", not the file's fault.
        OfficeDocuments office = office(settings("/nonexistent/soffice", Duration.ofSeconds(30), 300));

        assertThat(refusal(office, "hong.docx", "không phải ZIP".getBytes())).isEqualTo("platform.office.unreadable");
        assertThat(refusal(office, "thieu-phan.docx", SampleWord.odt("văn bản")))
                .isEqualTo("platform.office.unreadable");
        assertThat(refusal(office, "mat-khau.docx", SampleWord.passwordProtectedDocx()))
                .isEqualTo("platform.office.encrypted");
        byte[] oldWord = SampleWord.passwordProtectedDocx();
        // The same compound file without the encrypted package: a Word 97-2003 file renamed.
        byte[] renamed = new String(oldWord, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(
                        new String(
                                "EncryptedPackage".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                                java.nio.charset.StandardCharsets.ISO_8859_1),
                        new String(
                                "WordDocument\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                                java.nio.charset.StandardCharsets.ISO_8859_1))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(refusal(office, "cu.docx", renamed)).isEqualTo("platform.office.old-format");
        assertThat(refusal(office, "macro.docx", SampleWord.docxWithMacros("Tờ trình")))
                .isEqualTo("platform.office.macros");
        assertThat(refusal(office, "phong.docx", SampleWord.docxInflatingTo(3L * 1024 * 1024)))
                .isEqualTo("platform.office.too-large");
    }

    @Test
    void withoutLibreOfficeTheServerSaysSoAndAsksForAPdf() {
        OfficeDocuments office = office(settings("/nonexistent/soffice", Duration.ofSeconds(30), 300));

        assertThatThrownBy(() -> render(office, "to-trinh.docx", SampleWord.docx("Tờ trình")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("platform.office.missing");
                    assertThat(e.status().value()).isEqualTo(503);
                });
    }

    @Test
    void aLibreOfficeThatHangsIsKilledWithWhatItStartedOnceItsTimeHasPassed() throws Exception {
        // soffice is a script that starts the program itself: here one whose program never ends.
        Path hanging = dir.resolve("soffice-hanging");
        Path marker = dir.resolve("started");
        Files.writeString(hanging, "#!/bin/sh\ntouch '" + marker + "'\nsleep 300 &\nwait\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        OfficeDocuments office = office(settings(hanging.toString(), Duration.ofSeconds(2), 300));

        assertThatThrownBy(() -> render(office, "to-trinh.docx", SampleWord.docx("Tờ trình")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("platform.office.timed-out");
                    assertThat(e.args()).containsExactly(2L);
                });
        assertThat(marker).exists();
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(hanging.toString()))
                        .filter(ProcessHandle::isAlive))
                .as("the script and its sleep are gone")
                .isEmpty();
        assertThat(Files.list(dir.resolve("office").resolve("runs")))
                .as("nothing left of the run")
                .isEmpty();
    }

    @Test
    void aRunThatCannotEvenStartGivesItsProfileBackToTheNext() throws Exception {
        OfficeDocuments office = office(
                new OfficeProperties("/nonexistent/soffice", Duration.ofSeconds(3), 300, DataSize.ofMegabytes(2), 1));
        Path runs = Files.createDirectories(dir.resolve("office")).resolve("runs");
        Files.writeString(runs, "not a directory: the run's folder cannot be made");

        assertThatThrownBy(() -> render(office, "to-trinh.docx", SampleWord.docx("Tờ trình")))
                .isInstanceOf(java.io.UncheckedIOException.class);
        Files.delete(runs);

        // With its one profile lost, this one would wait its 3 s and be told the server is busy.
        assertThatThrownBy(() -> render(office, "to-trinh.docx", SampleWord.docx("Tờ trình")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("platform.office.missing"));
    }

    @Test
    void aDocumentLongerThanADraftMayBeIsRefusedWithItsPageCount() {
        OfficeDocuments office = office(settings("soffice", Duration.ofSeconds(120), 2));

        assertThatThrownBy(() -> render(office, "phu-luc.docx", SampleWord.docx(SampleWord.pages(3))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("platform.office.too-many-pages");
                    assertThat(e.args()).containsExactly(3, 2);
                });
    }

    private OfficeProperties settings() {
        return settings("soffice", Duration.ofSeconds(120), 300);
    }

    private static OfficeProperties settings(String soffice, Duration timeout, int maxPages) {
        return new OfficeProperties(soffice, timeout, maxPages, DataSize.ofMegabytes(2), 1);
    }

    private OfficeDocuments office(OfficeProperties settings) {
        return new OfficeDocuments(settings, dir.resolve("office"), new PdfBounds(PdfLimits.DEFAULTS));
    }

    private String render(OfficeDocuments office, String name, byte[] content) throws IOException {
        Path source = Files.write(dir.resolve("source-" + System.nanoTime()), content);
        return office.renderPdf(source, name, pdf -> {
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                return new PDFTextStripper().getText(document);
            }
        });
    }

    private String refusal(OfficeDocuments office, String name, byte[] content) {
        try {
            render(office, name, content);
        } catch (DomainException e) {
            return e.code();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(name + " was rendered");
    }
}
