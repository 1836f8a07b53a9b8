package vn.congvan.registry;

/**
 * The message keys of the refusals the registry module gives in several places (a refusal's
 * {@link vn.congvan.shared.DomainException#code()}, the API problem's {@code code}), named once.
 */
public final class RegistryRefusals {

    /** Only a clerk of the unit may do this; other modules refuse with it too. */
    public static final String CLERK_ONLY = "registry.clerk-only";

    /** No such unit; argument: the unit id. */
    public static final String UNIT_UNKNOWN = "registry.unit.unknown";

    /** No such document, or one the official may not read; argument: its id. */
    public static final String DOCUMENT_NOT_FOUND = "registry.document.not-found";

    /** No such file of the document; argument: its id. */
    public static final String FILE_NOT_FOUND = "registry.file.not-found";

    /** The metadata part of a request cannot be read. */
    public static final String METADATA_UNREADABLE = "registry.metadata.unreadable";

    private RegistryRefusals() {}
}
