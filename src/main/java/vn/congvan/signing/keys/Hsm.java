package vn.congvan.signing.keys;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.PrefilledPasswordCallback;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.settings.SigningProperties;

/**
 * The hardware security module (or token) holding server keys of medium HSM, reached through its
 * PKCS#11 module with DSS's {@link Pkcs11SignatureToken} (the JDK's SunPKCS11 underneath). Each use
 * logs in with the configured PIN and logs out when closed; since a PKCS#11 login belongs to the
 * whole process, one use at a time.
 */
@Component
class Hsm {

    /** How a key store location names a key inside the HSM: {@code pkcs11:<alias>}. */
    static final String SCHEME = "pkcs11:";

    private static final Logger log = LoggerFactory.getLogger(Hsm.class);

    private final SigningProperties.Pkcs11 settings;
    private final ReentrantLock inUse = new ReentrantLock();

    Hsm(SigningProperties signing) {
        this.settings = signing.pkcs11();
    }

    static boolean names(String location) {
        return location.startsWith(SCHEME);
    }

    static String alias(String location) {
        return location.substring(SCHEME.length());
    }

    /** Opens the key with this alias; the key must be closed after use. */
    ServerKey open(String alias) {
        if (!settings.configured() || settings.pin() == null) {
            throw DomainException.conflict("signing.hsm.not-configured");
        }
        inUse.lock();
        Pkcs11SignatureToken token = null;
        try {
            token = new Pkcs11SignatureToken(
                    settings.library(),
                    new PrefilledPasswordCallback(
                            new KeyStore.PasswordProtection(settings.pin().toCharArray())),
                    settings.slot() == null ? -1 : settings.slot(),
                    settings.slot() == null ? settings.slotListIndex() : -1,
                    null);
            DSSPrivateKeyEntry key = keyOf(token, alias);
            return new ServerKey(token, key, inUse::unlock);
        } catch (RuntimeException e) {
            try {
                if (token != null) {
                    token.close();
                }
            } finally {
                inUse.unlock();
            }
            throw e;
        }
    }

    /** Checks that the HSM holds a key with this alias whose certificate is this one. */
    void requireKey(String alias, X509Certificate certificate) {
        try (ServerKey key = open(alias)) {
            if (!key.key().getCertificate().getCertificate().equals(certificate)) {
                throw DomainException.invalid("signing.hsm.key-mismatch", alias);
            }
        }
    }

    private static DSSPrivateKeyEntry keyOf(Pkcs11SignatureToken token, String alias) {
        DSSPrivateKeyEntry key;
        try {
            key = token.getKey(alias);
        } catch (DSSException e) {
            log.warn("The HSM refused the login or could not be read: {}", rootCause(e));
            throw DomainException.conflict(loginRefused(e) ? "signing.hsm.login-failed" : "signing.hsm.unavailable");
        }
        if (key == null) {
            throw DomainException.conflict("signing.hsm.key-missing", alias);
        }
        return key;
    }

    private static boolean loginRefused(Throwable e) {
        String cause = rootCause(e);
        return cause.contains("CKR_PIN_INCORRECT")
                || cause.contains("CKR_PIN_LOCKED")
                || cause.contains("CKR_PIN_EXPIRED");
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
