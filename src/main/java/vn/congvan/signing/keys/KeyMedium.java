package vn.congvan.signing.keys;

/** Where a certificate's private key lives, and so who can use it. */
public enum KeyMedium {
    /** A PKCS#12 key store in the server's data directory. */
    SERVER,
    /** A hardware security module or token the server reaches through PKCS#11. */
    HSM,
    /** The official's USB token, used through the desktop signing plug-in. */
    USB_TOKEN,
    /** A PKI SIM card: the holder confirms each signature on the phone. */
    PKI_SIM,
    /** A remote (cloud) signing service speaking the Cloud Signature Consortium API. */
    REMOTE;

    /** Whether the server itself signs with the key. */
    public boolean heldByServer() {
        return this == SERVER || this == HSM;
    }
}
