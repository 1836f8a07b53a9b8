package vn.congvan.handling.drafting;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.signing.DesignatedSigners;

/** The signer a draft's approval route designated: the last approver, recorded when the draft was approved. */
@Component
class DraftSigners implements DesignatedSigners {

    private final Drafts drafts;

    DraftSigners(Drafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public Optional<UUID> designatedSignerOf(UUID documentId) {
        return drafts.ofDocument(documentId).flatMap(drafts::find).map(Draft::signerId);
    }
}
