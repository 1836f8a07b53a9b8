package vn.congvan.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.TestPki;
import vn.congvan.signing.pki.CertificateAuthority;
import vn.congvan.signing.pki.KeyAlgorithm;
import vn.congvan.signing.settings.SigningProperties;

class TrustAnchorsTests {

    @TempDir
    Path dir;

    final CertificateAuthority g2 = root("Root CA chuyên dùng Chính phủ G2 (thử)");
    final CertificateAuthority national = root("Vietnam National Root CA (thử)");

    @Test
    void aDirectoryOfPemAndDerFilesIsTrustedWhole() throws Exception {
        Files.writeString(dir.resolve("g2.pem"), TestPki.pem(g2.certificate()));
        Files.write(dir.resolve("national.cer"), national.certificate().getEncoded());
        Files.writeString(dir.resolve("README.txt"), "not a certificate");

        TrustAnchors anchors = new TrustAnchors(settings(dir.toString()));

        assertThat(anchors.trusts(g2.certificate())).isTrue();
        assertThat(anchors.trusts(national.certificate())).isTrue();
    }

    @Test
    void filesAreListedOneByOneAndAnUnlistedRootIsNotTrusted() throws Exception {
        Path file = Files.writeString(dir.resolve("g2.pem"), TestPki.pem(g2.certificate()));

        TrustAnchors anchors = new TrustAnchors(settings(file.toString()));

        assertThat(anchors.trusts(g2.certificate())).isTrue();
        assertThat(anchors.trusts(national.certificate())).isFalse();
    }

    @Test
    void aMissingFileStopsTheStartRatherThanTrustingLess() {
        assertThatThrownBy(() ->
                        new TrustAnchors(settings(dir.resolve("missing.pem").toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.pem");
    }

    static SigningProperties settings(String anchors) {
        return new SigningProperties(
                List.of(anchors),
                null,
                Duration.ofSeconds(5),
                20000,
                null,
                Duration.ofMinutes(10),
                new SigningProperties.Pkcs11(null, null, 0, null),
                null,
                null,
                "wss://127.0.0.1:8987/",
                org.springframework.util.unit.DataSize.ofMegabytes(100),
                java.time.Duration.ofMinutes(5));
    }

    static CertificateAuthority root(String name) {
        Instant now = Instant.now();
        return CertificateAuthority.newRoot(
                "root", name, KeyAlgorithm.EC_P256, now, now.plus(Duration.ofDays(3650)), "http://127.0.0.1:1/pki");
    }
}
