package vn.congvan.signing;

import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.congvan.signing.images.DemoImages;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.pades.SignatureDictionary;
import vn.congvan.signing.pades.VisibleSignature;
import vn.congvan.signing.pki.IssuedCertificate;

/** Signs PDFs straight with CongVan's PAdES signer and a key in hand, for the tests of validation. */
final class SignedPdfs {

    private static final char[] PASSWORD = "test".toCharArray();

    private final PadesSigner signer;

    SignedPdfs(PadesSigner signer) {
        this.signer = signer;
    }

    /** The PDF with a visible personal signature by the certificate's holder at the bottom of page 1. */
    byte[] signedBy(IssuedCertificate certificate, byte[] pdf) {
        return signedBy(certificate, pdf, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The same, claiming the given signing time, as a signing tool with its own clock would. */
    byte[] signedBy(IssuedCertificate certificate, byte[] pdf, Instant signingTime) {
        String name = certificate.certificate().getSubjectX500Principal().getName();
        VisibleSignature visible = VisibleSignature.personal(1, 350, 600, DemoImages.signature(name), name, "Chủ tịch");
        try (Pkcs12SignatureToken token =
                new Pkcs12SignatureToken(certificate.pkcs12(PASSWORD), new KeyStore.PasswordProtection(PASSWORD))) {
            Path in = Files.createTempFile("congvan-test-", ".pdf");
            Path out = Files.createTempFile("congvan-test-signed-", ".pdf");
            try {
                Files.write(in, pdf);
                signer.sign(
                        in,
                        token,
                        token.getKeys().get(0),
                        visible,
                        new SignatureDictionary(name, "Ký duyệt", "Bắc Giang", signingTime),
                        out);
                return Files.readAllBytes(out);
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
