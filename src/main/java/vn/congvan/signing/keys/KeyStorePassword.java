package vn.congvan.signing.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.settings.SigningProperties;

/**
 * The password of the key stores the server holds: {@code congvan.signing.key-store-password};
 * without it, in a demo installation, the demo password when one is set; otherwise a random one
 * generated once and kept beside the key stores, since the server must open them unattended. The
 * JDK's PKCS#12 takes ASCII passwords only: another password protects the stores by its SHA-256,
 * in base64url.
 */
@Component
class KeyStorePassword {

    private static final Logger log = LoggerFactory.getLogger(KeyStorePassword.class);

    private final SigningProperties signing;
    private final CongVanProperties properties;
    private char @Nullable [] password;

    KeyStorePassword(SigningProperties signing, CongVanProperties properties) {
        this.signing = signing;
        this.properties = properties;
    }

    synchronized char[] get() {
        if (password == null) {
            password = ascii(resolve()).toCharArray();
        }
        return password.clone();
    }

    static String ascii(String password) {
        if (password.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return password;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private String resolve() {
        if (signing.keyStorePassword() != null && !signing.keyStorePassword().isBlank()) {
            return signing.keyStorePassword();
        }
        String demo = properties.demo().password();
        if (properties.demoEnabled() && demo != null && !demo.isBlank()) {
            return demo;
        }
        Path file = properties.dataDir().resolve("pki").resolve("key-store-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            restrict(file);
            log.warn(
                    "No congvan.signing.key-store-password: key stores are protected by a generated password "
                            + "kept in {}; set the setting in production",
                    file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own permissions apply.
        }
    }
}
