package vn.congvan.registry.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.audit.AuditTrail;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.registry.dossier.DossierCatalog;
import vn.congvan.registry.search.DocumentSearch;
import vn.congvan.registry.search.SearchQuery;
import vn.congvan.shared.Official;

/** A document's page (metadata, PDF preview, files, dossiers, history) and the search page. */
@Controller
class DocumentPages {

    private final DocumentAccess access;
    private final DocumentSearch search;
    private final FileDownloads downloads;
    private final AuditTrail audit;
    private final FormChoices choices;
    private final DossierCatalog dossiers;

    DocumentPages(
            DocumentAccess access,
            DocumentSearch search,
            FileDownloads downloads,
            AuditTrail audit,
            FormChoices choices,
            DossierCatalog dossiers) {
        this.access = access;
        this.search = search;
        this.downloads = downloads;
        this.audit = audit;
        this.choices = choices;
        this.dossiers = dossiers;
    }

    @GetMapping("/documents/{id}")
    String document(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DocumentView document = access.readable(official, id);
        model.addAttribute("document", document);
        model.addAttribute("history", audit.history("document", id.toString()));
        model.addAttribute("dossiers", dossiers.holding(official, id));
        model.addAttribute("openDossiers", dossiers.openFor(official, id));
        return "registry/document";
    }

    @GetMapping("/documents/{id}/files/{fileId}")
    ResponseEntity<?> file(
            @PathVariable UUID id,
            @PathVariable UUID fileId,
            @RequestParam(defaultValue = "false") boolean inline,
            @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) @Nullable String ifRange,
            @AuthenticationPrincipal Official official) {
        return downloads.download(access.readable(official, id), fileId, inline, ifRange);
    }

    @GetMapping("/search")
    String search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable Direction direction,
            @RequestParam(required = false) @Nullable DocumentType type,
            @ModelAttribute("days") Days days,
            BindingResult unreadableDays,
            @RequestParam(required = false) @Nullable DocumentStatus status,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Official official,
            Model model) {
        boolean asked = q != null
                || unitId != null
                || direction != null
                || type != null
                || days.from() != null
                || days.to() != null
                || status != null;
        if (asked) {
            model.addAttribute(
                    "result",
                    search.search(
                            official,
                            new SearchQuery(q, unitId, direction, type, days.from(), days.to(), status, page, 20)));
        }
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("units", choices.readableUnits(official));
        return "registry/search";
    }
}
