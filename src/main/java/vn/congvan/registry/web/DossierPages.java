package vn.congvan.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.dossier.DossierCatalog;
import vn.congvan.registry.dossier.DossierDetails;
import vn.congvan.registry.dossier.DossierExport;
import vn.congvan.registry.dossier.DossierFiling;
import vn.congvan.registry.dossier.DossierState;
import vn.congvan.registry.dossier.FilePlan;
import vn.congvan.registry.dossier.NewFilePlanItem;
import vn.congvan.registry.dossier.OpenDossier;
import vn.congvan.registry.search.DocumentSearch;
import vn.congvan.registry.search.SearchQuery;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/**
 * The dossier pages: a unit's dossiers and file plan for a year, with forms to open a dossier and
 * plan one; a dossier with its documents, a search to file more, and its close and export buttons.
 */
@Controller
class DossierPages {

    private final FilePlan plan;
    private final DossierFiling filing;
    private final DossierCatalog catalog;
    private final DossierExport export;
    private final DocumentSearch search;
    private final AuditTrail audit;
    private final Directory directory;
    private final FormChoices choices;
    private final MetadataPart fields;
    private final MessageSource messages;

    DossierPages(
            FilePlan plan,
            DossierFiling filing,
            DossierCatalog catalog,
            DossierExport export,
            DocumentSearch search,
            AuditTrail audit,
            Directory directory,
            FormChoices choices,
            MetadataPart fields,
            MessageSource messages) {
        this.plan = plan;
        this.filing = filing;
        this.catalog = catalog;
        this.export = export;
        this.search = search;
        this.audit = audit;
        this.directory = directory;
        this.choices = choices;
        this.fields = fields;
        this.messages = messages;
    }

    @GetMapping("/dossiers")
    String list(
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable DossierState state,
            @AuthenticationPrincipal Official official,
            Model model) {
        UUID unit = listed(model, official, unitId, year, state);
        model.addAttribute("form", new OpenDossier(unit, null, null, null, null, null, null, null, null));
        return "registry/dossier-list";
    }

    @PostMapping("/dossiers")
    String open(
            @ModelAttribute("form") OpenDossier form,
            @AuthenticationPrincipal Official official,
            Model model,
            Locale locale) {
        try {
            fields.check(form);
            return "redirect:/dossiers/" + filing.open(form, official).dossier().id();
        } catch (InvalidFieldsException e) {
            model.addAttribute("problems", e.problems());
        } catch (DomainException e) {
            model.addAttribute("refusal", message(e, locale));
        }
        listed(model, official, form.unitId(), form.year(), null);
        return "registry/dossier-list";
    }

    @PostMapping("/dossiers/file-plan")
    String planItem(
            @ModelAttribute NewFilePlanItem item,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            fields.check(item);
            plan.add(item, official);
        } catch (InvalidFieldsException e) {
            redirect.addFlashAttribute(
                    "planProblems",
                    e.problems().stream()
                            .map(p -> messages.getMessage("registry.field." + p.field(), null, p.field(), locale) + ": "
                                    + messages.getMessage(p.code(), p.args(), p.code(), locale))
                            .toList());
        } catch (DomainException e) {
            redirect.addFlashAttribute("refusal", message(e, locale));
        }
        redirect.addAttribute("unitId", item.unitId());
        redirect.addAttribute("year", item.year());
        return "redirect:/dossiers";
    }

    @GetMapping("/dossiers/{id}")
    String dossier(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DossierDetails details = catalog.details(official, id);
        model.addAttribute("details", details);
        model.addAttribute("d", details.dossier());
        model.addAttribute("canChange", DossierFiling.mayChange(official, details.dossier()));
        model.addAttribute("canClose", DossierFiling.mayClose(official, details.dossier()));
        model.addAttribute("history", audit.history("dossier", id.toString()));
        return "registry/dossier-page";
    }

    /** The documents the official may read that match the words, each with a button to file it. */
    @GetMapping("/dossiers/{id}/candidates")
    String candidates(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String q,
            @AuthenticationPrincipal Official official,
            Model model) {
        model.addAttribute("d", catalog.view(official, id));
        model.addAttribute(
                "found",
                q == null || q.isBlank()
                        ? List.of()
                        : search.search(official, new SearchQuery(q, null, null, null, null, null, null, 0, 10))
                                .documents());
        return "registry/dossier-fragments :: candidates";
    }

    @PostMapping("/dossiers/{id}/documents")
    String add(
            @PathVariable UUID id,
            @RequestParam UUID documentId,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect,
            Locale locale) {
        attempt(() -> filing.add(id, documentId, official), redirect, locale);
        return "redirect:/dossiers/" + id;
    }

    /** Files the document shown on its page in one of the official's open dossiers. */
    @PostMapping("/documents/{documentId}/dossiers")
    String addFromDocument(
            @PathVariable UUID documentId,
            @RequestParam UUID dossierId,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect,
            Locale locale) {
        attempt(() -> filing.add(dossierId, documentId, official), redirect, locale);
        return "redirect:/documents/" + documentId;
    }

    @PostMapping("/dossiers/{id}/documents/{documentId}/remove")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect,
            Locale locale) {
        attempt(() -> filing.remove(id, documentId, official), redirect, locale);
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/close")
    String close(
            @PathVariable UUID id,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect,
            Locale locale) {
        attempt(() -> filing.close(id, official), redirect, locale);
        return "redirect:/dossiers/" + id;
    }

    @GetMapping("/dossiers/{id}/export")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable UUID id, @AuthenticationPrincipal Official official, Locale locale) {
        return DossierApi.download(export, official, id, locale);
    }

    /** Puts the unit's dossiers and file plan of the year in the model; returns the unit shown. */
    private @Nullable UUID listed(
            Model model,
            Official official,
            @Nullable UUID unitId,
            @Nullable Integer year,
            @Nullable DossierState state) {
        List<UnitView> units = choices.readableUnits(official);
        UUID unit = unitId != null && official.belongsTo(unitId)
                ? unitId
                : units.stream().findFirst().map(UnitView::id).orElse(null);
        int shownYear = year != null ? year : LocalDate.now(VietnamTime.ZONE).getYear();
        model.addAttribute("units", units);
        model.addAttribute("unitId", unit);
        model.addAttribute("year", shownYear);
        model.addAttribute("state", state);
        model.addAttribute("states", DossierState.values());
        model.addAttribute("dossiers", unit == null ? List.of() : catalog.list(official, unit, shownYear, state));
        model.addAttribute("planItems", unit == null ? List.of() : plan.of(official, unit, shownYear));
        model.addAttribute("canPlan", unit != null && FilePlan.mayPlan(official, unit));
        model.addAttribute("divisions", unit == null ? List.of() : directory.divisions(unit));
        return unit;
    }

    /** Makes the change; a refusal is shown on the page the browser goes back to. */
    private void attempt(Runnable change, RedirectAttributes redirect, Locale locale) {
        try {
            change.run();
        } catch (DomainException e) {
            redirect.addFlashAttribute("refusal", message(e, locale));
        }
    }

    private String message(DomainException e, Locale locale) {
        // Never null: a default message is given.
        return Objects.requireNonNull(messages.getMessage(e.code(), e.args(), e.code(), locale));
    }
}
