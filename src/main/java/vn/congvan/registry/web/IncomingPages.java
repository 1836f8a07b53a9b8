package vn.congvan.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.document.DocumentRegistration;
import vn.congvan.registry.document.DuplicateDocumentException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/** The clerk's pages for arriving documents: the list and the registration form. */
@Controller
class IncomingPages {

    private final DocumentRegistration registration;
    private final MetadataPart metadata;
    private final FormChoices choices;
    private final RequestFiles requestFiles;

    IncomingPages(
            DocumentRegistration registration, MetadataPart metadata, FormChoices choices, RequestFiles requestFiles) {
        this.requestFiles = requestFiles;
        this.registration = registration;
        this.metadata = metadata;
        this.choices = choices;
    }

    @GetMapping("/incoming/new")
    String form(@AuthenticationPrincipal Official official, Model model) {
        choices.addTo(model, official);
        UUID first = choices.clerkUnits(official).stream()
                .findFirst()
                .map(u -> u.id())
                .orElse(null);
        model.addAttribute("form", IncomingForm.blank(first));
        choices.addIssuers(model);
        choices.addLeaders(model, official);
        return "registry/incoming-form";
    }

    @PostMapping("/incoming")
    String register(
            @ModelAttribute("form") IncomingForm form,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            @RequestParam(name = "fileUploadId", required = false) @Nullable UUID fileUploadId,
            @RequestParam(name = "attachmentUploadIds", required = false) @Nullable List<UUID> attachmentUploadIds,
            @AuthenticationPrincipal Official official,
            Model model,
            RedirectAttributes redirect) {
        RequestFiles.UploadIds uploads = new RequestFiles.UploadIds(fileUploadId, attachmentUploadIds);
        try {
            IncomingMetadata m = form.toMetadata();
            metadata.check(m);
            RequestFiles.Files files = requestFiles.of(official, uploads, file, attachments, true);
            DocumentView registered = registration.registerIncoming(
                    m, Objects.requireNonNull(files.main()), files.attachments(), official);
            redirect.addFlashAttribute("registered", Boolean.TRUE);
            return "redirect:/documents/" + registered.id();
        } catch (InvalidFieldsException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("keptUploads", requestFiles.kept(official, uploads));
        } catch (DuplicateDocumentException e) {
            model.addAttribute("duplicate", e.existing());
            model.addAttribute("keptUploads", requestFiles.kept(official, uploads));
            model.addAttribute("form", form.confirmingDuplicate());
        }
        choices.addTo(model, official);
        choices.addIssuers(model);
        choices.addLeaders(model, official);
        return "registry/incoming-form";
    }

    /**
     * Warns the clerk while typing that the unit already has a document with this number and issuer;
     * a day not yet typed whole is no day to compare with.
     */
    @GetMapping("/incoming/duplicate-check")
    String duplicateCheck(
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable String codeNumber,
            @RequestParam(required = false) @Nullable String codeNotation,
            @RequestParam(required = false) @Nullable String organName,
            @RequestParam(required = false) @Nullable String issuedDate,
            @AuthenticationPrincipal Official official,
            Model model) {
        Optional<DocumentView> existing = Optional.empty();
        LocalDate issued =
                issuedDate == null ? null : VietnamTime.readDay(issuedDate).orElse(null);
        if (unitId != null
                && official.belongsTo(unitId)
                && codeNumber != null
                && !codeNumber.isBlank()
                && codeNotation != null
                && organName != null
                && issued != null) {
            existing = registration.findDuplicate(
                    unitId, null, codeNumber.strip(), codeNotation.strip(), organName.strip(), null, issued);
        }
        model.addAttribute("duplicate", existing.orElse(null));
        return "registry/fragments :: duplicate";
    }
}
