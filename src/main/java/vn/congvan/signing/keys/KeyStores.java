package vn.congvan.signing.keys;

import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * The PKCS#12 key stores of the server-held keys, one file per certificate under
 * {@code <data-dir>/pki/keys}, readable by the server's account only. A location is kept relative
 * to the data directory, so that the directory can move.
 */
@Component
public class KeyStores {

    private final Path dataDir;
    private final KeyStorePassword password;

    KeyStores(CongVanProperties properties, KeyStorePassword password) {
        this.dataDir = properties.dataDir().toAbsolutePath();
        this.password = password;
    }

    /** Writes the key and its chain to a new key store; returns its location. */
    String keep(UUID certificateId, IssuedCertificate issued) {
        String location = "pki/keys/" + certificateId + ".p12";
        Path file = dataDir.resolve(location);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, issued.pkcs12(password.get()));
            KeyStorePassword.restrict(file);
            return location;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the key store at a location; the token must be closed after use. */
    public Pkcs12SignatureToken open(String location) {
        Path file = dataDir.resolve(location).normalize();
        if (!file.startsWith(dataDir)) {
            throw new IllegalArgumentException("A key store lies inside the data directory: " + location);
        }
        try {
            return new Pkcs12SignatureToken(file.toFile(), new KeyStore.PasswordProtection(password.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
