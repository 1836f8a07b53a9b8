package vn.congvan.signing.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Everything a PAdES signature is made of besides the PDF and the key: the signer's certificate
 * and its chain (the certificate first), where and how it shows, and what its dictionary states.
 * Both steps of a signature must be given the same one.
 */
public record PadesSignature(List<X509Certificate> chain, VisibleSignature appearance, SignatureDictionary dictionary) {

    public PadesSignature {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A chain holds at least the signer's certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
