package vn.congvan.signing;

/**
 * The message keys of the refusals the signing module gives in several places (a refusal's
 * {@link vn.congvan.shared.DomainException#code()}, the API problem's {@code code}), named once.
 */
public final class SigningRefusals {

    /** The file is not a PDF that can be read, to sign or validate it. */
    public static final String FILE_NOT_PDF = "signing.file.not-pdf";

    /** A certificate the signer sent cannot be read. */
    public static final String CERTIFICATE_UNREADABLE = "signing.session.certificate-unreadable";

    /** The signing session is finished or used already. */
    public static final String SESSION_USED = "signing.session.used";

    /** No such person in the directory. */
    public static final String PERSON_NOT_FOUND = "signing.person.not-found";

    /** The signing request names no kind of signature. */
    public static final String KIND_REQUIRED = "signing.kind.required";

    /** The plug-in names a session that does not exist. */
    public static final String PLUGIN_SESSION_UNKNOWN = "signing.plugin.session-unknown";

    /** The unit has no organization certificate to seal with; other modules refuse with it too. */
    public static final String NO_UNIT_CERTIFICATE = "signing.certificate.none-for-unit";

    private SigningRefusals() {}
}
