package vn.congvan.signing.keys;

import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * The key stores of the server-held keys: PKCS#12 files, one per certificate under
 * {@code <data-dir>/pki/keys}, readable by the server's account only (a location is kept relative
 * to the data directory, so that the directory can move); or keys inside the HSM, located as
 * {@code pkcs11:<alias>}.
 */
@Component
public class KeyStores {

    private final Path dataDir;
    private final KeyStorePassword password;
    private final Hsm hsm;

    KeyStores(CongVanProperties properties, KeyStorePassword password, Hsm hsm) {
        this.dataDir = properties.dataDir().toAbsolutePath();
        this.password = password;
        this.hsm = hsm;
    }

    /** Writes the key and its chain to a new key store; returns its location. */
    String keep(UUID certificateId, IssuedCertificate issued) {
        String location = "pki/keys/" + certificateId + ".p12";
        keepAt(location, issued);
        return location;
    }

    /** Writes the key and its chain to the key store at a location, e.g. a demo authority's own. */
    public void keepAt(String location, IssuedCertificate issued) {
        Path file = fileAt(location);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, issued.pkcs12(password.get()));
            KeyStorePassword.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the key store is there; a key in the HSM is the HSM's operators' to keep. */
    public boolean exists(String location) {
        return Hsm.names(location) || Files.isRegularFile(fileAt(location));
    }

    /** Reads back the key and chain kept at a location. */
    public IssuedCertificate read(String location) {
        char[] secret = password.get();
        try (InputStream in = Files.newInputStream(fileAt(location))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            PrivateKey key = (PrivateKey) store.getKey(IssuedCertificate.ALIAS, secret);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(IssuedCertificate.ALIAS)) {
                chain.add((X509Certificate) certificate);
            }
            return new IssuedCertificate(key, chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key store " + location + " cannot be read", e);
        }
    }

    /**
     * Opens the key of a certificate the server holds, in its PKCS#12 key store or in the HSM by its
     * medium; the key must be closed after use.
     */
    public ServerKey open(SigningCertificate certificate) {
        String location = certificate.keyStore();
        if (location == null || !certificate.medium().heldByServer()) {
            throw new IllegalArgumentException("The server does not hold the key of " + certificate.id());
        }
        if (certificate.medium() == KeyMedium.HSM) {
            return hsm.open(Hsm.alias(location));
        }
        try {
            Pkcs12SignatureToken token = new Pkcs12SignatureToken(
                    fileAt(location).toFile(), new KeyStore.PasswordProtection(password.get()));
            return new ServerKey(token, token.getKeys().get(0), () -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that the HSM holds the certificate's key under this alias; returns the key's location. */
    String locateInHsm(String alias, X509Certificate certificate) {
        hsm.requireKey(alias, certificate);
        return Hsm.SCHEME + alias;
    }

    private Path fileAt(String location) {
        Path file = dataDir.resolve(location).normalize();
        if (!file.startsWith(dataDir)) {
            throw new IllegalArgumentException("A key store lies inside the data directory: " + location);
        }
        return file;
    }
}
