package vn.congvan.storage;

import java.util.Collection;
import java.util.Set;

/**
 * A module that names blobs in its rows. The sweep removes a content only when no holder names it
 * any more, so every module that keeps a SHA-256 of a stored content declares it, most simply as
 * {@link BlobColumns}.
 */
public interface BlobHolder {

    /** The columns of the module's own tables that hold blob addresses, as {@code table.column}. */
    Set<String> blobColumns();

    /** Of the addresses given, those a row of the module still names. */
    Set<String> holding(Collection<String> addresses);
}
