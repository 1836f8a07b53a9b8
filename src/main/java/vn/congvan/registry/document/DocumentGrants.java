package vn.congvan.registry.document;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryAuditAction;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Who may read a secret document besides the clerk who registered it: the unit's clerk or leader,
 * themselves able to read it, grants it to a named person; every grant is audited.
 */
@Service
public class DocumentGrants {

    private final Documents documents;
    private final DocumentAccess access;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    DocumentGrants(Documents documents, DocumentAccess access, Directory directory, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void grant(Official grantor, UUID documentId, UUID personId) {
        DocumentView document = grantable(grantor, documentId);
        UUID unit = document.unitId();
        PersonView person = directory
                .findPerson(personId)
                .orElseThrow(() -> DomainException.notFound("registry.grant.person-unknown", personId));
        documents.grant(documentId, person.id(), grantor.personId(), clock.instant());
        audit.record(AuditEntry.by(
                grantor,
                RegistryAuditAction.ACCESS_GRANTED,
                "document",
                documentId.toString(),
                unit,
                Map.of("person", person.username())));
    }

    /**
     * Takes back a person's grant, by the same officials who grant; from then on nothing of the
     * document reaches that person (its notices to them show no subject). Audited.
     */
    @Transactional
    public void withdraw(Official grantor, UUID documentId, UUID personId) {
        DocumentView document = grantable(grantor, documentId);
        PersonView person = directory
                .findPerson(personId)
                .orElseThrow(() -> DomainException.notFound("registry.grant.person-unknown", personId));
        if (!documents.withdraw(documentId, person.id())) {
            throw DomainException.notFound("registry.grant.not-found", person.username());
        }
        audit.record(AuditEntry.by(
                grantor,
                RegistryAuditAction.ACCESS_WITHDRAWN,
                "document",
                documentId.toString(),
                document.unitId(),
                Map.of("person", person.username())));
    }

    private DocumentView grantable(Official grantor, UUID documentId) {
        DocumentView document = access.readable(grantor, documentId);
        UUID unit = document.unitId();
        boolean mayGrant = grantor.holds(Role.CLERK, unit)
                || grantor.holds(Role.LEADER, unit)
                || grantor.holds(Role.DEPUTY_LEADER, unit);
        if (!mayGrant) {
            throw DomainException.forbidden("registry.grant.not-allowed");
        }
        if (!document.secret()) {
            throw DomainException.invalid("registry.grant.not-secret");
        }
        return document;
    }
}
