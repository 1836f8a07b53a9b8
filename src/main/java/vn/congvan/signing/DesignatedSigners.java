package vn.congvan.signing;

import java.util.Optional;
import java.util.UUID;

/**
 * Who the work designated to sign a document personally (người ký): for a document prepared from
 * a draft, the last approver of its route, who may be the deputy signing "KT.". Implemented by the
 * module that keeps the approval routes; signing asks it before any personal signature.
 */
public interface DesignatedSigners {

    /** The designated signer of the document, when a workflow designated one. */
    Optional<UUID> designatedSignerOf(UUID documentId);
}
