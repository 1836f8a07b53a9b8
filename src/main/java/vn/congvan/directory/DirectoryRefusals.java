package vn.congvan.directory;

/**
 * The message keys of the refusals the directory module gives in several places (a refusal's
 * {@link vn.congvan.shared.DomainException#code()}, the API problem's {@code code}), named once.
 */
public final class DirectoryRefusals {

    /** No such unit; argument: the unit id. */
    public static final String UNIT_NOT_FOUND = "directory.unit.not-found";

    private DirectoryRefusals() {}
}
