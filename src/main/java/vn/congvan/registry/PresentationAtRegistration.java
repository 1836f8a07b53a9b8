package vn.congvan.registry;

import java.util.UUID;
import vn.congvan.shared.Official;

/**
 * Presents an arriving document to a leader as the clerk registers it (trình lãnh đạo khi vào sổ).
 * The module that handles arrivals implements it; the registration calls it inside its own
 * transaction, so a presentation refused leaves nothing registered.
 */
public interface PresentationAtRegistration {

    /**
     * Refuses, before anything is written, a person the unit's documents cannot be presented to,
     * with a {@link vn.congvan.shared.DomainException} carrying its message key.
     */
    void requirePresentable(Official clerk, UUID unitId, UUID leaderId);

    /** Presents the document just registered, in the registration's transaction; audited as any presentation. */
    void present(Official clerk, UUID documentId, UUID leaderId);
}
