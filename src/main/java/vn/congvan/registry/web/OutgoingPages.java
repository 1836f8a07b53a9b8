package vn.congvan.registry.web;

import java.util.List;
import java.util.Objects;
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
import vn.congvan.directory.Directory;
import vn.congvan.directory.RecipientGroups;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.registry.document.DocumentRegistration;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.Official;

/** The clerk's pages for documents the unit issues: the list and the numbering form. */
@Controller
class OutgoingPages {

    private final DocumentRegistration registration;
    private final MetadataPart metadata;
    private final FormChoices choices;
    private final RequestFiles requestFiles;
    private final Directory directory;
    private final RecipientGroups recipientGroups;

    OutgoingPages(
            DocumentRegistration registration,
            MetadataPart metadata,
            FormChoices choices,
            Directory directory,
            RecipientGroups recipientGroups,
            RequestFiles requestFiles) {
        this.requestFiles = requestFiles;
        this.registration = registration;
        this.metadata = metadata;
        this.choices = choices;
        this.directory = directory;
        this.recipientGroups = recipientGroups;
    }

    @GetMapping("/outgoing/new")
    String form(
            @RequestParam(required = false) @Nullable UUID unitId,
            @AuthenticationPrincipal Official official,
            Model model) {
        UUID unit = unitId != null
                ? unitId
                : choices.clerkUnits(official).stream()
                        .findFirst()
                        .map(u -> u.id())
                        .orElse(null);
        OutgoingForm blank = OutgoingForm.blank(unit);
        model.addAttribute("form", blank);
        addChoices(model, official, unit, blank);
        return "registry/outgoing-form";
    }

    @PostMapping("/outgoing")
    String issue(
            @ModelAttribute("form") OutgoingForm form,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            @RequestParam(name = "fileUploadId", required = false) @Nullable UUID fileUploadId,
            @RequestParam(name = "attachmentUploadIds", required = false) @Nullable List<UUID> attachmentUploadIds,
            @AuthenticationPrincipal Official official,
            Model model,
            RedirectAttributes redirect) {
        RequestFiles.UploadIds uploads = new RequestFiles.UploadIds(fileUploadId, attachmentUploadIds);
        try {
            OutgoingMetadata m = form.toMetadata(choices::agencyName);
            metadata.check(m);
            RequestFiles.Files files = requestFiles.of(official, uploads, file, attachments, true);
            DocumentView issued =
                    registration.createOutgoing(m, Objects.requireNonNull(files.main()), files.attachments(), official);
            redirect.addFlashAttribute("registered", Boolean.TRUE);
            return "redirect:/documents/" + issued.id();
        } catch (InvalidFieldsException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("keptUploads", requestFiles.kept(official, uploads));
        }
        UUID unit = null;
        try {
            unit = form.unitId() == null ? null : UUID.fromString(form.unitId());
        } catch (IllegalArgumentException ignored) {
            // the problem list already says so
        }
        addChoices(model, official, unit, form);
        return "registry/outgoing-form";
    }

    private void addChoices(Model model, Official official, @Nullable UUID unitId, OutgoingForm form) {
        choices.addTo(model, official);
        model.addAttribute("divisions", unitId == null ? List.of() : directory.divisions(unitId));
        model.addAttribute(
                "recipients",
                recipientGroups.picker(
                        form.recipientUnitIds() == null ? List.of() : form.recipientUnitIds(),
                        form.outsideOrganIds() == null ? List.of() : form.outsideOrganIds()));
    }
}
