package vn.congvan.signing.web;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.KeyMedium;
import vn.congvan.signing.keys.SigningCertificate;

/** A registered certificate as the API shows it; never its key. */
record CertificateJson(
        UUID id,
        CertificateKind kind,
        KeyMedium medium,
        @Nullable UUID personId,
        UUID unitId,
        String commonName,
        String subject,
        String issuer,
        String serialNumber,
        String sha256,
        OffsetDateTime notBefore,
        OffsetDateTime notAfter,
        @Nullable String remoteCredential) {

    static CertificateJson of(SigningCertificate certificate) {
        return new CertificateJson(
                certificate.id(),
                certificate.kind(),
                certificate.medium(),
                certificate.personId(),
                certificate.unitId(),
                certificate.commonName(),
                certificate.subject(),
                certificate.issuer(),
                certificate.serialNumber(),
                certificate.sha256(),
                certificate.notBefore().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                certificate.notAfter().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                certificate.remoteCredential());
    }
}
