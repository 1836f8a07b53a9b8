package vn.congvan.handling.incoming;

import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.registry.PresentationAtRegistration;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * The presentation a clerk asks for on the registration form: the same step as presenting from the
 * document's page, taken in the registration's transaction. The case it opens is the one {@link
 * CaseOpening} would open after the commit, which then finds it and leaves it as it is.
 */
@Component
class PresentationOnRegistration implements PresentationAtRegistration {

    private final IncomingHandling handling;
    private final Directory directory;

    PresentationOnRegistration(IncomingHandling handling, Directory directory) {
        this.handling = handling;
        this.directory = directory;
    }

    @Override
    public void requirePresentable(Official clerk, UUID unitId, UUID leaderId) {
        if (!new UnitStaff(unitId, directory.people(unitId)).directs(leaderId)) {
            throw DomainException.invalid("handling.present.not-a-leader");
        }
    }

    @Override
    public void present(Official clerk, UUID documentId, UUID leaderId) {
        handling.present(clerk, documentId, leaderId);
    }
}
