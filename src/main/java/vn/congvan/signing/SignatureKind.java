package vn.congvan.signing;

/** Whose signature: the competent person's own (cá nhân), or the unit's, applied by its clerk (cơ quan). */
public enum SignatureKind {
    PERSONAL,
    ORGANIZATION
}
