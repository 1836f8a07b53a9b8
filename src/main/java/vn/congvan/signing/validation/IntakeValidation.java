package vn.congvan.signing.validation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import vn.congvan.registry.FileVersionAdded;
import vn.congvan.shared.DomainException;

/**
 * Validates every PDF that enters a document (registered, replaced, signed here) once its
 * registration has committed, in the background, and keeps the verdict. The event publication
 * registry hands the event again after a crash, so no PDF is left unvalidated.
 */
@Component
class IntakeValidation {

    private static final Logger log = LoggerFactory.getLogger(IntakeValidation.class);

    private final KeptValidations validations;

    IntakeValidation(KeptValidations validations) {
        this.validations = validations;
    }

    // Not in a transaction: validating takes seconds and may call CRL and OCSP responders.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(FileVersionAdded added) {
        // The same content entering another document was judged already; a re-check judges it anew.
        if (!added.pdf() || validations.verdict(added.sha256()).isPresent()) {
            return;
        }
        try {
            validations.validateOrAwait(added.sha256());
        } catch (DomainException e) {
            // An attachment named .pdf that is no PDF: nothing to keep, nothing to retry.
            log.info(
                    "File {} of document {} is not a readable PDF; no signatures to check",
                    added.fileId(),
                    added.documentId());
        }
    }
}
