package vn.congvan.signing;

/**
 * Whether a signed PDF is still what its signer signed, judged apart from whether the signer's
 * authority is trusted: a forgery is one whoever signed it.
 */
public enum SignatureIntegrity {
    /** The signed bytes are unchanged and nothing added since changes what the pages show. */
    INTACT,
    /** A signed byte or the signature value itself was altered. */
    SIGNED_CONTENT_ALTERED,
    /**
     * A later revision changed what the pages show: new content, an overlay, or a shadow attack
     * (hidden content or an annotation of the signed revision revealed by a later one).
     */
    CHANGED_AFTER_SIGNING,
    /** Bytes follow the file's last end ({@code %%EOF}) that no revision accounts for. */
    DATA_APPENDED;

    public boolean intact() {
        return this == INTACT;
    }
}
