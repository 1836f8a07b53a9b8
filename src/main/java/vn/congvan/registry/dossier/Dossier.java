package vn.congvan.registry.dossier;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * A work dossier (hồ sơ công việc) of a unit, identified by its file code (mã hồ sơ: the unit's
 * identifier, the year and the file notation). Members of the unit file documents in it while it
 * is open; closing it fixes its dates and totals.
 */
record Dossier(
        UUID id,
        UUID unitId,
        int year,
        String fileNotation,
        String fileCode,
        @Nullable UUID filePlanItemId,
        String title,
        String maintenance,
        @Nullable String rights,
        String language,
        @Nullable String description,
        DossierState state,
        @Nullable DossierTotals closingTotals,
        UUID createdBy,
        Instant createdAt,
        @Nullable UUID closedBy,
        @Nullable Instant closedAt) {

    /** The checked facts a dossier opens with. */
    record Opening(
            UUID unitId,
            String organId,
            int year,
            String fileNotation,
            @Nullable UUID filePlanItemId,
            String title,
            String maintenance,
            @Nullable String rights,
            String language,
            @Nullable String description) {}

    static Dossier open(Opening o, UUID by, Instant now) {
        String fileCode = o.organId() + "." + o.year() + "." + o.fileNotation();
        return new Dossier(
                UUID.randomUUID(),
                o.unitId(),
                o.year(),
                o.fileNotation(),
                fileCode,
                o.filePlanItemId(),
                o.title(),
                o.maintenance(),
                o.rights(),
                o.language(),
                o.description(),
                DossierState.OPEN,
                null,
                by,
                now,
                null,
                null);
    }

    /** Members of the unit see its dossiers and file plan, and so do those who see every unit. */
    static boolean visibleTo(Official official, UUID unitId) {
        return official.belongsTo(unitId) || DocumentAccess.seesEveryUnit(official);
    }

    boolean visibleTo(Official official) {
        return visibleTo(official, unitId);
    }

    /** Files a document: only a member of the unit, only while the dossier is open. */
    Filing file(UUID documentId, Official by, Instant now) {
        requireChangeableBy(by);
        return new Filing(id, documentId, by.personId(), now);
    }

    /** Refuses a change to the contents by someone outside the unit, or once the dossier is closed. */
    void requireChangeableBy(Official official) {
        if (!official.belongsTo(unitId)) {
            throw DomainException.forbidden("registry.dossier.members-only");
        }
        if (state == DossierState.CLOSED) {
            throw DomainException.conflict("registry.dossier.closed", fileCode);
        }
    }

    /** Closes the dossier with the totals of its documents as they stand now. */
    Dossier close(Official by, Instant now, DossierTotals totals) {
        if (!closableBy(by)) {
            throw DomainException.forbidden("registry.dossier.close-not-allowed");
        }
        if (state == DossierState.CLOSED) {
            throw DomainException.conflict("registry.dossier.already-closed", fileCode);
        }
        return new Dossier(
                id,
                unitId,
                year,
                fileNotation,
                fileCode,
                filePlanItemId,
                title,
                maintenance,
                rights,
                language,
                description,
                DossierState.CLOSED,
                totals,
                createdBy,
                createdAt,
                by.personId(),
                now);
    }

    boolean closableBy(Official official) {
        return closableBy(official, createdBy, unitId);
    }

    /** Its creator, the unit's leaders and its clerk close a dossier. */
    static boolean closableBy(Official official, UUID createdBy, UUID unitId) {
        return official.personId().equals(createdBy)
                || official.holds(Role.LEADER, unitId)
                || official.holds(Role.DEPUTY_LEADER, unitId)
                || official.holds(Role.CLERK, unitId);
    }
}
