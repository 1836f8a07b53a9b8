package vn.congvan.signing.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate with its private key and the chain up to the root, the certificate first. */
public record IssuedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

    /** The alias of the key in the key stores written by {@link #pkcs12}. */
    public static final String ALIAS = "signing";

    public IssuedCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A chain holds at least the certificate itself");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The key and its chain as a PKCS#12 key store protected by the password. */
    public byte[] pkcs12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot write a PKCS#12 key store", e);
        }
    }
}
