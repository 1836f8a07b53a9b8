package vn.congvan.handling.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the handling API's steps. */
final class HandlingBodies {

    private HandlingBodies() {}

    /** Present the document to a leader of the unit. */
    record Presentation(UUID leaderId) {}

    /** Hand the handling down to an official of the lead's division. */
    record Delegation(UUID leadId, @Nullable String note) {}

    /** Progress or an opinion. */
    record Progress(String note) {}

    /** A reason: for returning the document, or for refusing it on arrival. */
    record Reason(String reason) {}

    /** Close the handling, with the reply document when there is one. */
    record Completion(
            @Nullable String note,
            @Nullable UUID replyDocumentId,
            @Nullable UUID dossierId) {}
}
