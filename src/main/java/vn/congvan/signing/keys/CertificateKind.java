package vn.congvan.signing.keys;

/** Whose signature a certificate makes: a person's (chữ ký số cá nhân) or a unit's (chữ ký số cơ quan). */
public enum CertificateKind {
    PERSONAL,
    ORGANIZATION
}
