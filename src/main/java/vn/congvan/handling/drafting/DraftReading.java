package vn.congvan.handling.drafting;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.handling.incoming.CaseView;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** Reading a draft: by the members of its unit and administrators only, with its versions, route and state. */
@Service
public class DraftReading {

    private final Drafts drafts;
    private final DraftPdfs pdfs;
    private final UnitPeople people;

    DraftReading(Drafts drafts, DraftPdfs pdfs, UnitPeople people) {
        this.drafts = drafts;
        this.pdfs = pdfs;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public DraftView view(Official official, UUID draftId) {
        return view(readable(official, draftId));
    }

    /** The draft a document came from, if it came from one. */
    @Transactional(readOnly = true)
    public Optional<UUID> draftOf(UUID documentId) {
        return drafts.ofDocument(documentId);
    }

    /** The content of a version of the draft's PDF, for whoever may read the draft. */
    @Transactional(readOnly = true)
    public <T> T withVersion(Official official, UUID draftId, int version, Function<InputStream, T> reader) {
        readable(official, draftId);
        return pdfs.read(draftId, version, reader);
    }

    /** The Word or OpenDocument file a version was rendered from, for whoever may read the draft. */
    @Transactional(readOnly = true)
    public <T> T withVersionSource(Official official, UUID draftId, int version, Function<InputStream, T> reader) {
        readable(official, draftId);
        return pdfs.readSource(draftId, version, reader);
    }

    Draft readable(Official official, UUID draftId) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        if (!official.belongsTo(draft.unitId()) && !official.isAdministrator()) {
            throw DomainException.notFound("handling.draft.not-found");
        }
        return draft;
    }

    /** The draft locked for a step, once the official may read it. */
    Draft locked(Official official, UUID draftId) {
        readable(official, draftId);
        return drafts.lock(draftId).orElseThrow();
    }

    DraftView view(Draft d) {
        UnitStaff staff = people.of(d.unitId());
        List<DraftView.Version> versions = drafts.versions(d.id()).stream()
                .map(v -> new DraftView.Version(
                        v.version(),
                        v.fileName(),
                        v.size(),
                        v.sha256(),
                        v.addedAt(),
                        v.source() == null ? null : v.source().fileName(),
                        v.source() == null ? null : v.source().size()))
                .toList();
        List<DraftView.Step> route = d.route().stream()
                .map(s ->
                        new DraftView.Step(s.position(), s.role().name(), person(staff, s.approverId()), s.decidedAt()))
                .toList();
        return new DraftView(
                d.id(),
                d.unitId(),
                person(staff, d.drafterId()),
                d.type().vietnameseName(),
                d.subject(),
                d.priority(),
                d.dueDate(),
                d.state(),
                d.recipients().stream().map(Draft.Recipient::organName).toList(),
                versions,
                route,
                d.currentApprover() == null ? null : person(staff, d.currentApprover()),
                d.signerId() == null ? null : person(staff, d.signerId()),
                d.signerAuthority() == null ? null : d.signerAuthority().name(),
                d.documentId(),
                d.signedAt());
    }

    private static CaseView.Person person(UnitStaff staff, UUID id) {
        return new CaseView.Person(id, UnitPeople.name(staff, id));
    }
}
