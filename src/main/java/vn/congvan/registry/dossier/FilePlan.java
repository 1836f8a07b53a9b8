package vn.congvan.registry.dossier;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.registry.RegistryAuditAction;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * The file plan (danh mục hồ sơ) of each unit and year: its clerk and leaders write it, its
 * members read it and open dossiers from it. A notation appears once in a unit's plan for a year.
 */
@Service
public class FilePlan {

    private final FilePlanItems items;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    FilePlan(FilePlanItems items, Directory directory, AuditTrail audit, Clock clock) {
        this.items = items;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public FilePlanItemView add(NewFilePlanItem item, Official official) {
        directory
                .findUnit(item.unitId())
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.UNIT_UNKNOWN, item.unitId()));
        if (!mayPlan(official, item.unitId())) {
            throw DomainException.forbidden("registry.fileplan.not-allowed");
        }
        if (item.divisionId() != null
                && directory
                        .findDivision(item.divisionId())
                        .filter(d -> d.unitId().equals(item.unitId()))
                        .isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("divisionId", "registry.division.not-in-unit")));
        }
        FilePlanItem planned = FilePlanItem.plan(item, official.personId(), clock.instant());
        if (!items.insert(planned)) {
            throw DomainException.conflict(
                    "registry.fileplan.notation-taken", planned.fileNotation(), Integer.toString(planned.year()));
        }
        audit.record(AuditEntry.by(
                official,
                RegistryAuditAction.FILE_PLAN_ITEM_ADDED,
                "file-plan-item",
                planned.id().toString(),
                planned.unitId(),
                Map.of(
                        "year", Integer.toString(planned.year()),
                        "fileNotation", planned.fileNotation(),
                        "title", planned.title())));
        return items.find(planned.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<FilePlanItemView> of(Official official, UUID unitId, int year) {
        if (!Dossier.visibleTo(official, unitId)) {
            throw DomainException.forbidden("registry.dossier.unit-not-allowed");
        }
        return items.of(unitId, year);
    }

    /** Whether the official writes the unit's file plan: its clerk and its leaders. */
    public static boolean mayPlan(Official official, UUID unitId) {
        return official.holds(Role.CLERK, unitId)
                || official.holds(Role.LEADER, unitId)
                || official.holds(Role.DEPUTY_LEADER, unitId);
    }
}
