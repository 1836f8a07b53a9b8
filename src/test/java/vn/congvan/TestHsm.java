package vn.congvan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * A SoftHSM2 token of its own for the tests, created once per test JVM before anything loads the
 * PKCS#11 module: SoftHSM2 reads its configuration, named by the {@code SOFTHSM2_CONF} environment
 * variable (set by the build for the test JVM), when the module is loaded.
 */
public final class TestHsm {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String PIN = "20262026";
    private static final String SO_PIN = "87654321";
    private static volatile TestHsm shared;

    private TestHsm() throws IOException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("Run the tests with SOFTHSM2_CONF set, as the build does (pom.xml)");
        }
        Path tokens = Path.of(conf).toAbsolutePath().resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(
                Path.of(conf),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n" + "log.level = ERROR\n",
                StandardCharsets.UTF_8);
        run("softhsm2-util", "--init-token", "--free", "--label", "congvan-test", "--pin", PIN, "--so-pin", SO_PIN);
    }

    public static TestHsm shared() {
        if (shared == null) {
            synchronized (TestHsm.class) {
                if (shared == null) {
                    try {
                        shared = new TestHsm();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return shared;
    }

    /** Puts the key and its certificate chain into the token under the alias, as an IT officer would. */
    public void keep(String alias, IssuedCertificate issued) {
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name=CongVanTest\nlibrary=" + LIBRARY + "\nslotListIndex=0\n");
        try {
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, PIN.toCharArray());
            token.setKeyEntry(alias, issued.privateKey(), null, issued.chain().toArray(new X509Certificate[0]));
            ((AuthProvider) provider).logout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
