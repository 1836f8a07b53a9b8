package vn.congvan.registry;

/** The signing authority written before the signer's position (quyền hạn ký). */
public enum SignerAuthority {
    /** Signs as the head, no prefix. */
    NONE(""),
    /** Thay mặt a collective. */
    TM("TM."),
    /** Quyền (acting). */
    Q("Q."),
    /** Ký thay the head. */
    KT("KT."),
    /** Thừa lệnh. */
    TL("TL."),
    /** Thừa ủy quyền. */
    TUQ("TUQ.");

    private final String prefix;

    SignerAuthority(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
