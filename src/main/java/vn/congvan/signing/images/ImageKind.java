package vn.congvan.signing.images;

/** The two images a signature shows: a person's handwritten signature, or a unit's seal (con dấu). */
public enum ImageKind {
    SIGNATURE,
    SEAL
}
