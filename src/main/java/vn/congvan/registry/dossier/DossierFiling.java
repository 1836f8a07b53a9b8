package vn.congvan.registry.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.DossierClosed;
import vn.congvan.registry.DossierOpened;
import vn.congvan.registry.RegistryAuditAction;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.registry.document.Documents;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/**
 * Opens dossiers, files documents in them and takes them out, closes them. Each change locks the
 * dossier's row and is audited in the same transaction.
 */
@Service
public class DossierFiling {

    private static final String SUBJECT = "dossier";

    private final Dossiers dossiers;
    private final FilePlanItems plan;
    private final DossierCatalog catalog;
    private final DocumentAccess access;
    private final Documents documents;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DossierFiling(
            Dossiers dossiers,
            FilePlanItems plan,
            DossierCatalog catalog,
            DocumentAccess access,
            Documents documents,
            Directory directory,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.dossiers = dossiers;
        this.plan = plan;
        this.catalog = catalog;
        this.access = access;
        this.documents = documents;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a dossier of the unit, from a line of its file plan or on its own. */
    @Transactional
    public DossierDetails open(OpenDossier command, Official official) {
        List<FieldProblem> problems = new ArrayList<>();
        FilePlanItemView planned = null;
        if (command.filePlanItemId() != null) {
            planned = plan.find(command.filePlanItemId())
                    .filter(i -> command.unitId() == null || i.unitId().equals(command.unitId()))
                    .orElse(null);
            if (planned == null) {
                problems.add(new FieldProblem("filePlanItemId", "registry.fileplan.item-unknown"));
            }
        }
        UUID unitId = planned != null ? planned.unitId() : command.unitId();
        String notation = planned != null ? planned.fileNotation() : command.fileNotation();
        String title = command.title() != null ? command.title() : planned != null ? planned.title() : null;
        String maintenance =
                command.maintenance() != null ? command.maintenance() : planned != null ? planned.maintenance() : null;
        require("unitId", unitId, problems);
        require("fileNotation", notation, problems);
        require("title", title, problems);
        require("maintenance", maintenance, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        UnitView unit = directory
                .findUnit(Objects.requireNonNull(unitId, "required above"))
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.UNIT_UNKNOWN, unitId));
        if (!official.belongsTo(unit.id())) {
            throw DomainException.forbidden("registry.dossier.members-only");
        }
        Instant now = clock.instant();
        int year = planned != null
                ? planned.year()
                : command.year() != null
                        ? command.year()
                        : LocalDate.ofInstant(now, VietnamTime.ZONE).getYear();
        Dossier dossier = Dossier.open(
                new Dossier.Opening(
                        unit.id(),
                        unit.organId(),
                        year,
                        Objects.requireNonNull(notation, "required above"),
                        planned != null ? planned.id() : null,
                        Objects.requireNonNull(title, "required above"),
                        Objects.requireNonNull(maintenance, "required above"),
                        command.rights(),
                        command.language() != null ? command.language() : "vi",
                        command.description()),
                official.personId(),
                now);
        if (!dossiers.insert(dossier)) {
            throw DomainException.conflict("registry.dossier.file-code-taken", dossier.fileCode());
        }
        audit.record(AuditEntry.by(
                official,
                RegistryAuditAction.DOSSIER_OPENED,
                SUBJECT,
                dossier.id().toString(),
                unit.id(),
                Map.of(
                        "fileCode", dossier.fileCode(),
                        "title", dossier.title())));
        events.publishEvent(new DossierOpened(dossier.id(), unit.id(), year, dossier.fileCode()));
        return catalog.details(official, dossier.id());
    }

    /** Files a document the official may read; filing it again changes nothing. */
    @Transactional
    public DossierDetails add(UUID dossierId, UUID documentId, Official official) {
        Dossier dossier = lockVisible(dossierId, official);
        DocumentView document = access.readable(official, documentId);
        Filing filing = dossier.file(document.id(), official, clock.instant());
        if (dossiers.file(filing)) {
            audit.record(AuditEntry.by(
                    official,
                    RegistryAuditAction.DOSSIER_DOCUMENT_ADDED,
                    SUBJECT,
                    dossierId.toString(),
                    dossier.unitId(),
                    Map.of(
                            "fileCode", dossier.fileCode(),
                            "document", document.id().toString(),
                            "filedNotation", String.valueOf(document.notation()))));
        }
        return catalog.details(official, dossierId);
    }

    /** Takes a document out of an open dossier; the document itself stays in the registry. */
    @Transactional
    public void remove(UUID dossierId, UUID documentId, Official official) {
        Dossier dossier = lockVisible(dossierId, official);
        dossier.requireChangeableBy(official);
        if (dossiers.remove(dossierId, documentId)) {
            String notation =
                    documents.find(documentId).map(DocumentView::notation).orElse(null);
            audit.record(AuditEntry.by(
                    official,
                    RegistryAuditAction.DOSSIER_DOCUMENT_REMOVED,
                    SUBJECT,
                    dossierId.toString(),
                    dossier.unitId(),
                    Map.of(
                            "fileCode", dossier.fileCode(),
                            "document", documentId.toString(),
                            "filedNotation", String.valueOf(notation))));
        }
    }

    @Transactional
    public DossierDetails close(UUID dossierId, Official official) {
        Dossier closed = lockVisible(dossierId, official).close(official, clock.instant(), dossiers.totals(dossierId));
        dossiers.saveClosed(closed);
        DossierTotals totals = Objects.requireNonNull(closed.closingTotals(), "a closed dossier has its totals");
        audit.record(AuditEntry.by(
                official,
                RegistryAuditAction.DOSSIER_CLOSED,
                SUBJECT,
                dossierId.toString(),
                closed.unitId(),
                Map.of(
                        "fileCode", closed.fileCode(),
                        "docTotal", Integer.toString(totals.docTotal()),
                        "pageTotal", Integer.toString(totals.pageTotal()))));
        events.publishEvent(new DossierClosed(
                dossierId, closed.unitId(), closed.year(), closed.fileCode(), totals.docTotal(), totals.pageTotal()));
        return catalog.details(official, dossierId);
    }

    /** Whether the official may file documents in the dossier or take them out now. */
    public static boolean mayChange(Official official, DossierView dossier) {
        return dossier.open() && official.belongsTo(dossier.unitId());
    }

    public static boolean mayClose(Official official, DossierView dossier) {
        return dossier.open() && Dossier.closableBy(official, dossier.creatorId(), dossier.unitId());
    }

    private Dossier lockVisible(UUID dossierId, Official official) {
        return dossiers.lock(dossierId)
                .filter(d -> d.visibleTo(official))
                .orElseThrow(() -> DomainException.notFound("registry.dossier.not-found", dossierId));
    }

    private static void require(String field, @Nullable Object value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "validation.required"));
        }
    }
}
