package vn.congvan.signing.keys;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;

/**
 * A server-held key opened for one signature: the DSS token that signs with it and the key entry
 * with its certificate chain. Closing it closes the token (and lets the next signer use the HSM).
 */
public final class ServerKey implements AutoCloseable {

    private final SignatureTokenConnection token;
    private final DSSPrivateKeyEntry key;
    private final Runnable release;

    ServerKey(SignatureTokenConnection token, DSSPrivateKeyEntry key, Runnable release) {
        this.token = token;
        this.key = key;
        this.release = release;
    }

    public SignatureTokenConnection token() {
        return token;
    }

    public DSSPrivateKeyEntry key() {
        return key;
    }

    @Override
    public void close() {
        try {
            token.close();
        } finally {
            release.run();
        }
    }
}
