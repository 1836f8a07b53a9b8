package vn.congvan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.congvan.registry.dossier.AddDocument;
import vn.congvan.registry.dossier.DossierCatalog;
import vn.congvan.registry.dossier.DossierDetails;
import vn.congvan.registry.dossier.DossierExport;
import vn.congvan.registry.dossier.DossierFiling;
import vn.congvan.registry.dossier.DossierPackage;
import vn.congvan.registry.dossier.DossierState;
import vn.congvan.registry.dossier.DossierView;
import vn.congvan.registry.dossier.FilePlan;
import vn.congvan.registry.dossier.FilePlanItemView;
import vn.congvan.registry.dossier.NewFilePlanItem;
import vn.congvan.registry.dossier.OpenDossier;
import vn.congvan.shared.Official;
import vn.congvan.storage.Download;

/** The dossiers API: the file plan, dossiers and the documents filed in them, the archival export. */
@RestController
@Tag(name = "dossiers")
class DossierApi {

    private final FilePlan plan;
    private final DossierFiling filing;
    private final DossierCatalog catalog;
    private final DossierExport export;
    private final MetadataPart fields;

    DossierApi(FilePlan plan, DossierFiling filing, DossierCatalog catalog, DossierExport export, MetadataPart fields) {
        this.plan = plan;
        this.filing = filing;
        this.catalog = catalog;
        this.export = export;
        this.fields = fields;
    }

    @PostMapping("/api/v1/file-plan")
    @Operation(
            operationId = "createFilePlanItem",
            summary = "Add a line to a unit's file plan (danh mục hồ sơ) for a year; its clerk and leaders only")
    ResponseEntity<FilePlanItemView> createFilePlanItem(
            @RequestBody NewFilePlanItem item, @AuthenticationPrincipal Official official) {
        fields.check(item);
        return ResponseEntity.status(HttpStatus.CREATED).body(plan.add(item, official));
    }

    @GetMapping("/api/v1/file-plan")
    @Operation(operationId = "listFilePlan", summary = "A unit's file plan for a year, by file notation")
    List<FilePlanItemView> listFilePlan(
            @RequestParam UUID unitId, @RequestParam int year, @AuthenticationPrincipal Official official) {
        return plan.of(official, unitId, year);
    }

    @PostMapping("/api/v1/dossiers")
    @Operation(
            operationId = "createDossier",
            summary = "Open a dossier (hồ sơ) of a unit, from a file-plan item or on its own; any member of the unit")
    ResponseEntity<DossierDetails> createDossier(
            @RequestBody OpenDossier command, @AuthenticationPrincipal Official official) {
        fields.check(command);
        return ResponseEntity.status(HttpStatus.CREATED).body(filing.open(command, official));
    }

    @GetMapping("/api/v1/dossiers/{id}")
    @Operation(operationId = "getDossier", summary = "A dossier with its documents in chronological order")
    DossierDetails getDossier(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return catalog.details(official, id);
    }

    @GetMapping("/api/v1/dossiers")
    @Operation(
            operationId = "listDossiers",
            summary = "Dossiers of a unit (or of the caller's units), optionally of one year and state")
    List<DossierView> listDossiers(
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable DossierState state,
            @AuthenticationPrincipal Official official) {
        return catalog.list(official, unitId, year, state);
    }

    @PostMapping("/api/v1/dossiers/{id}/documents")
    @Operation(
            operationId = "addDocumentToDossier",
            summary = "File a document the caller may read in an open dossier of their unit; again changes nothing")
    DossierDetails addDocumentToDossier(
            @PathVariable UUID id, @RequestBody AddDocument body, @AuthenticationPrincipal Official official) {
        fields.check(body);
        return filing.add(id, body.documentId(), official);
    }

    @DeleteMapping("/api/v1/dossiers/{id}/documents/{documentId}")
    @Operation(operationId = "removeDocumentFromDossier", summary = "Take a document out of an open dossier")
    ResponseEntity<Void> removeDocumentFromDossier(
            @PathVariable UUID id, @PathVariable UUID documentId, @AuthenticationPrincipal Official official) {
        filing.remove(id, documentId, official);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/dossiers/{id}/close")
    @Operation(
            operationId = "closeDossier",
            summary = "Close a dossier, fixing its dates and totals; its creator, the unit's leaders or clerk")
    DossierDetails closeDossier(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return filing.close(id, official);
    }

    @GetMapping("/api/v1/dossiers/{id}/export")
    @Operation(
            operationId = "exportDossier",
            summary = "A ZIP with <fileCode>.pdf (cover, contents, documents in order) and <fileCode>.xml (metadata)")
    ResponseEntity<StreamingResponseBody> exportDossier(
            @PathVariable UUID id, @AuthenticationPrincipal Official official, Locale locale) {
        return download(export, official, id, locale);
    }

    /** Streams a dossier's export, prepared first so that a refusal is still an ordinary problem. */
    static ResponseEntity<StreamingResponseBody> download(
            DossierExport export, Official official, UUID id, Locale locale) {
        DossierPackage pack = export.prepare(official, id, locale);
        return Download.export(pack.zipName(), MediaType.parseMediaType("application/zip"))
                .body(out -> export.write(pack, out));
    }
}
