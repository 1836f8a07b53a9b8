package vn.congvan.directory.installation;

import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;

/**
 * The password given to the administrator and every demo account created on start: the one set by
 * {@code CONGVAN_DEMO_PASSWORD}, else a random one shown once in the log. It is hashed once, since
 * Argon2 is slow on purpose and the demo creates hundreds of accounts.
 */
@Component
class InitialPassword {

    private static final Logger log = LoggerFactory.getLogger(InitialPassword.class);

    private final @Nullable String configured;
    private final PasswordEncoder encoder;
    private @Nullable String generated;
    private @Nullable String hash;
    private boolean announced;

    InitialPassword(CongVanProperties properties, PasswordEncoder encoder) {
        String password = properties.demo().password();
        this.configured = password == null || password.isBlank() ? null : password;
        this.encoder = encoder;
    }

    synchronized String hash() {
        if (hash == null) {
            hash = encoder.encode(plain());
        }
        return hash;
    }

    /** Tells the operator the generated password, once, if accounts were given it. */
    synchronized void announceIfGenerated(String accounts) {
        if (generated != null && !announced) {
            announced = true;
            log.warn("""

                    ************************************************************************
                    Generated password of {}:

                        {}

                    It is shown only this once: keep it now. To choose it yourself, set
                    CONGVAN_DEMO_PASSWORD before the first start.
                    ************************************************************************""", accounts, generated);
        }
    }

    private String plain() {
        if (configured != null) {
            return configured;
        }
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return generated;
    }
}
