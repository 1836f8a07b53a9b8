package vn.congvan.registry.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** Finds the dossiers an official may see: one with its documents, a unit's list, a document's. */
@Service
@Transactional(readOnly = true)
public class DossierCatalog {

    private final Dossiers dossiers;
    private final DocumentAccess access;

    DossierCatalog(Dossiers dossiers, DocumentAccess access) {
        this.dossiers = dossiers;
        this.access = access;
    }

    /** The dossier, when the official may see it; otherwise the same not-found as a missing one. */
    public DossierView view(Official official, UUID id) {
        return dossiers.view(id)
                .filter(d -> Dossier.visibleTo(official, d.unitId()))
                .orElseThrow(() -> DomainException.notFound("registry.dossier.not-found", id));
    }

    public DossierDetails details(Official official, UUID id) {
        DossierView dossier = view(official, id);
        List<DossierEntry> entries = new ArrayList<>();
        for (FiledDocument filed : dossiers.contents(id)) {
            entries.add(DossierEntry.of(entries.size() + 1, filed, access.canRead(official, filed.document())));
        }
        return new DossierDetails(dossier, entries);
    }

    /** Dossiers of one unit, or of every unit the official belongs to. */
    public List<DossierView> list(
            Official official, @Nullable UUID unitId, @Nullable Integer year, @Nullable DossierState state) {
        if (unitId != null && !Dossier.visibleTo(official, unitId)) {
            throw DomainException.forbidden("registry.dossier.unit-not-allowed");
        }
        Set<UUID> units = unitId != null ? Set.of(unitId) : official.unitIds();
        return units.isEmpty() ? List.of() : dossiers.ofUnits(units, year, state);
    }

    /** The dossiers holding the document that the official may see. */
    public List<DossierView> holding(Official official, UUID documentId) {
        return dossiers.holding(documentId).stream()
                .filter(d -> Dossier.visibleTo(official, d.unitId()))
                .toList();
    }

    /** The open dossiers of the official's units that the document could go into. */
    public List<DossierView> openFor(Official official, UUID documentId) {
        Set<UUID> units = official.unitIds();
        return units.isEmpty() ? List.of() : dossiers.openWithout(units, documentId);
    }
}
