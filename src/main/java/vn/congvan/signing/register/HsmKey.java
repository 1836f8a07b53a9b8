package vn.congvan.signing.register;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A key pair inside the HSM to enrol: its alias (the label of the key and its certificate in the
 * token), the certificate and the intermediate certificates up to a trust anchor, and the person
 * it signs for (none: the unit's organization signature).
 */
public record HsmKey(
        X509Certificate certificate,
        List<X509Certificate> chain,
        String alias,
        @Nullable UUID personId) {}
