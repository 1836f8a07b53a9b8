package vn.congvan.signing.register;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.keys.KeyMedium;

/**
 * A certificate presented for the register: the certificate, the intermediate certificates up to
 * a trust anchor, where its key lives, the credential id at a remote signing service, and for a
 * person in several units the unit they sign for.
 */
public record HeldCertificate(
        X509Certificate certificate,
        List<X509Certificate> chain,
        KeyMedium medium,
        @Nullable String remoteCredential,
        @Nullable UUID unitId) {}
