package vn.congvan.signing.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** The key pairs a generated authority hands out: RSA as on the government's tokens, EC when speed matters. */
public enum KeyAlgorithm {
    RSA_2048("RSA", 2048, "SHA256withRSA"),
    EC_P256("EC", 256, "SHA256withECDSA");

    private final String jcaName;
    private final int size;
    private final String signatureAlgorithm;

    KeyAlgorithm(String jcaName, int size, String signatureAlgorithm) {
        this.jcaName = jcaName;
        this.size = size;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + jcaName, e);
        }
    }

    /** The JCA name of the signature an authority with such a key makes. */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    static KeyAlgorithm of(java.security.PublicKey key) {
        return key.getAlgorithm().equals("EC") ? EC_P256 : RSA_2048;
    }
}
