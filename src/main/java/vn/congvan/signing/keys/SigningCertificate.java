package vn.congvan.signing.keys;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.jspecify.annotations.Nullable;

/**
 * A registered certificate: its holder (a person of a unit, or the unit), what it names, its
 * validity, where its key lives ({@code medium}) and, for a key the server holds, its key store;
 * for a remote signing service, the credential id there. {@code serialNumber} is in upper-case
 * hex, as certificate authorities print it; {@code sha256} is the thumbprint of the DER encoding.
 */
public record SigningCertificate(
        UUID id,
        CertificateKind kind,
        @Nullable UUID personId,
        UUID unitId,
        String subject,
        String issuer,
        String serialNumber,
        String sha256,
        Instant notBefore,
        Instant notAfter,
        @Nullable String keyStore,
        byte[] encoded,
        KeyMedium medium,
        @Nullable String remoteCredential) {

    public boolean expiredAt(Instant when) {
        return !when.isBefore(notAfter);
    }

    public boolean notYetValidAt(Instant when) {
        return when.isBefore(notBefore);
    }

    public boolean heldBy(UUID personId) {
        return personId.equals(this.personId);
    }

    /** The subject's common name: the person's full name, or the unit's name. */
    public String commonName() {
        String name = commonNameOf(x509());
        return name == null ? subject : name;
    }

    /** The subject's common name (CN) of a certificate, or null when its subject has none. */
    public static @Nullable String commonNameOf(X509Certificate certificate) {
        try {
            RDN[] names = new JcaX509CertificateHolder(certificate).getSubject().getRDNs(BCStyle.CN);
            return names.length == 0
                    ? null
                    : IETFUtils.valueToString(names[0].getFirst().getValue());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate x509() {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException e) {
            throw new IllegalStateException("A stored certificate cannot be read: " + id, e);
        }
    }
}
