package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.congvan.SamplePdf;
import vn.congvan.signing.validation.PdfValidator;
import vn.congvan.signing.validation.StandaloneValidators;

/**
 * PDFs signed outside CongVan: by poppler's {@code pdfsig} with the keys of another province's
 * certificate authority that {@code openssl} made, then changed by hand-built incremental updates
 * or bytes, as a forger would. Each verdict is checked twice: by a CongVan that trusts that
 * province's root, and by one that does not (the normal case for a PDF from another province).
 */
class SignaturesMadeElsewhereTests {

    static final String UNIT = "Sở Tài chính tỉnh Khác";
    static final Duration DAY = Duration.ofDays(1);

    static ElsewherePki pki;
    static PdfValidator trusting;
    static PdfValidator notTrusting;

    @BeforeAll
    static void anotherProvincesAuthorityAndItsSigners() {
        pki = ElsewherePki.made("Tinh Khac");
        Instant now = Instant.now();
        pki.signer("valid", "Phạm Văn Hợp", UNIT, now.minus(DAY.multipliedBy(30)), now.plus(DAY.multipliedBy(700)));
        pki.signer("expired", "Lý Văn Hết", UNIT, now.minus(DAY.multipliedBy(400)), now.minus(DAY.multipliedBy(30)));
        pki.signer("future", "Trịnh Văn Sớm", UNIT, now.plus(DAY.multipliedBy(30)), now.plus(DAY.multipliedBy(400)));
        pki.signer("revoked", "Mai Văn Mất", UNIT, now.minus(DAY.multipliedBy(30)), now.plus(DAY.multipliedBy(700)));
        pki.revoke("revoked");
        var crls = List.of(pki.crl(), pki.rootCrl());
        trusting = StandaloneValidators.trusting(List.of(pki.root()), List.of(pki.issuing()), crls);
        notTrusting = StandaloneValidators.trusting(List.of(), List.of(pki.issuing()), crls);
    }

    @Test
    void aPdfSignedByPdfsigIsValidWhenItsRootIsTrustedAndOfAnUnknownAuthorityOtherwise() {
        byte[] signed = pki.pdfsigSigned("valid", SamplePdf.withText("Công văn của tỉnh bạn"));

        assertThat(only(trusting, signed)).satisfies(s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.TOTAL_PASSED);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.valid");
            assertThat(s.signerName()).isEqualTo("Phạm Văn Hợp");
            assertThat(s.unit()).isEqualTo(UNIT);
            assertThat(s.coversWholeDocument()).isTrue();
        });
        assertThat(only(notTrusting, signed)).satisfies(s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.INDETERMINATE);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.untrusted");
        });
    }

    @Test
    void aByteTamperedInsideTheSignedRangeIsReportedEvenWhenTheSignerIsUnknown() {
        byte[] tampered = pki.pdfsigSigned("valid", SamplePdf.withText("Quyết định"));
        int comment = new String(tampered, StandardCharsets.ISO_8859_1).indexOf('%', 5);
        tampered[comment + 1] ^= 0x01;

        bothWays(tampered, s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.TOTAL_FAILED);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.modified");
        });
    }

    @Test
    void aChangeAfterSigningIsReportedEvenWhenTheSignerIsUnknown() throws IOException {
        byte[] signed = pki.pdfsigSigned("valid", SamplePdf.withText("Quyết định cấp 500 m2 đất"));
        byte[] changed = SignatureValidationTests.appendedText(signed, "Đã sửa: cấp 5000 m2 đất");

        bothWays(changed, changedAfterSigning());
    }

    @Test
    void bytesAfterTheEndOfTheSignedFileAreReportedEvenWhenTheSignerIsUnknown() {
        byte[] signed = pki.pdfsigSigned("valid", SamplePdf.withText("Quyết định"));
        byte[] extra = "\n% Đã sửa: cấp 5000 m2\n".getBytes(StandardCharsets.UTF_8);
        byte[] appended = Arrays.copyOf(signed, signed.length + extra.length);
        System.arraycopy(extra, 0, appended, signed.length, extra.length);

        bothWays(appended, s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.TOTAL_FAILED);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.appended");
            assertThat(s.integrity()).isEqualTo(SignatureIntegrity.DATA_APPENDED);
        });
    }

    @Test
    void aShadowAttackIsReportedEvenWhenTheSignerIsUnknown() throws IOException {
        byte[] hideSigned = pki.pdfsigSigned(
                "valid",
                SignatureValidationTests.withCoveredLine("Quyết định cấp 500 m2 đất", "Quyết định cấp 5000 m2 đất"));
        byte[] replaceSigned = pki.pdfsigSigned(
                "valid",
                SignatureValidationTests.withHiddenContent("Quyết định cấp 500 m2 đất", "Quyết định cấp 5000 m2 đất"));
        // The signed revisions are valid as they are: the attack is the later revision.
        assertThat(only(trusting, hideSigned).result()).isEqualTo(SignatureResult.TOTAL_PASSED);
        assertThat(only(trusting, replaceSigned).result()).isEqualTo(SignatureResult.TOTAL_PASSED);

        byte[] hideRevealed = SignatureValidationTests.uncovered(hideSigned);
        byte[] replaced = SignatureValidationTests.swapped(replaceSigned);

        bothWays(hideRevealed, changedAfterSigning());
        bothWays(replaced, changedAfterSigning());
        // Told apart: what happened to the document, and what is known of its signer.
        assertThat(only(notTrusting, replaced).certificateReasonCode()).isEqualTo("signing.reason.untrusted");
        assertThat(only(trusting, replaced).certificateReasonCode()).isEqualTo("signing.reason.certificate-trusted");
    }

    @Test
    void anOverlayAnnotationIsReportedEvenWhenTheSignerIsUnknown() throws IOException {
        byte[] signed = pki.pdfsigSigned("valid", SamplePdf.withText("Quyết định cấp 500 m2 đất"));

        bothWays(SignatureValidationTests.overlaid(signed, "Quyet dinh cap 5000 m2 dat"), changedAfterSigning());
    }

    @Test
    void anExpiredCertificateIsReportedAsExpiredAndNotAsABrokenChain() {
        byte[] signed = pki.pdfsigSigned("expired", SamplePdf.withText("Giấy mời"));

        bothWays(signed, s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.INDETERMINATE);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.expired");
            assertThat(s.integrity()).isEqualTo(SignatureIntegrity.INTACT);
        });
        assertThat(only(trusting, signed, Locale.ENGLISH).reason()).contains("expired");
    }

    @Test
    void aCertificateNotYetValidWhenItSignedIsReportedSo() {
        byte[] signed = pki.pdfsigSigned("future", SamplePdf.withText("Giấy mời"));

        bothWays(signed, s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.INDETERMINATE);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.not-yet-valid");
        });
        assertThat(only(trusting, signed, Locale.ENGLISH).reason()).contains("not valid yet");
    }

    @Test
    void aRevokedCertificateIsReportedRevokedByAnAuthorityWeTrust() {
        byte[] signed = pki.pdfsigSigned("revoked", SamplePdf.withText("Công văn"));

        assertThat(only(trusting, signed)).satisfies(s -> {
            assertThat(s.result()).as(s.reason()).isNotEqualTo(SignatureResult.TOTAL_PASSED);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.revoked");
        });
        // A CRL of an authority nobody trusts proves nothing: the signer is unknown.
        assertThat(only(notTrusting, signed)).satisfies(s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.INDETERMINATE);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.untrusted");
        });
    }

    static Consumer<SignatureCheck> changedAfterSigning() {
        return s -> {
            assertThat(s.result()).as(s.reason()).isEqualTo(SignatureResult.TOTAL_FAILED);
            assertThat(s.reasonCode()).isEqualTo("signing.reason.changed-after-signing");
            assertThat(s.integrity()).isEqualTo(SignatureIntegrity.CHANGED_AFTER_SIGNING);
            assertThat(s.coversWholeDocument()).isFalse();
        };
    }

    /** The same finding whether the signer's root is trusted or not; and the signer's authority told apart. */
    static void bothWays(byte[] pdf, Consumer<SignatureCheck> expected) {
        SignatureCheck trusted = only(trusting, pdf);
        SignatureCheck untrusted = only(notTrusting, pdf);
        assertThat(trusted).as("trusted").satisfies(expected);
        assertThat(untrusted).as("untrusted").satisfies(expected);
    }

    static SignatureCheck only(PdfValidator validator, byte[] pdf) {
        return only(validator, pdf, Locale.ROOT);
    }

    static SignatureCheck only(PdfValidator validator, byte[] pdf, Locale locale) {
        try {
            Path file = Files.createTempFile("congvan-elsewhere-", ".pdf");
            try {
                Files.write(file, pdf);
                List<SignatureCheck> signatures =
                        validator.validate(file, locale).signatures();
                assertThat(signatures).hasSize(1);
                return signatures.get(0);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
