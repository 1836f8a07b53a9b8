package vn.congvan.directory.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Role;

/** The administrator's forms: a new unit, a division, a person, a role given to someone. */
@Controller
@RequestMapping("/directory")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationPages {

    private static final String SAVED = "saved";

    private final Directory directory;
    private final DirectoryAdministration administration;

    AdministrationPages(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    /** Giving a role to a person found by user name, as typed in the unit's form. */
    record RoleForm(
            @Nullable String username,
            @Nullable UUID divisionId,
            @Nullable Role role,
            @Nullable String positionTitle) {

        RoleForm {
            username = Blank.toNull(username);
            positionTitle = Blank.toNull(positionTitle);
        }
    }

    @GetMapping("/units/new")
    String newUnit(@RequestParam(required = false) @Nullable UUID parent, Model model) {
        return unitForm(CreateUnit.under(parent), model);
    }

    @PostMapping("/units")
    String createUnit(
            @Valid @ModelAttribute("form") CreateUnit form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            String page = unitForm(form, model);
            // A day that names none fails the record's construction: then the binding holds what was
            // typed, not the form, and putting the form back in the model would let go of it.
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return page;
        }
        try {
            UnitView unit = administration.createUnit(form);
            redirect.addFlashAttribute(SAVED, "directory.saved.unit");
            return "redirect:/directory/units/" + unit.id();
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused);
            return unitForm(form, model);
        }
    }

    @GetMapping("/units/{id}/divisions/new")
    String newDivision(@PathVariable UUID id, Model model) {
        return divisionForm(directory.unit(id), CreateDivision.empty(), model);
    }

    @PostMapping("/units/{id}/divisions")
    String createDivision(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CreateDivision form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = directory.unit(id);
        if (errors.hasErrors()) {
            return divisionForm(unit, form, model);
        }
        try {
            administration.createDivision(id, form);
            redirect.addFlashAttribute(SAVED, "directory.saved.division");
            return "redirect:/directory/units/" + id;
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused);
            return divisionForm(unit, form, model);
        }
    }

    @GetMapping("/people/new")
    String newPerson(@RequestParam UUID unit, Model model) {
        return personForm(directory.unit(unit), CreatePerson.in(unit), model);
    }

    @PostMapping("/people")
    String createPerson(
            @Valid @ModelAttribute("form") CreatePerson form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = directory.unit(requireUnit(form.unitId()));
        if (errors.hasErrors()) {
            return personForm(unit, form, model);
        }
        try {
            administration.createPerson(form);
            redirect.addFlashAttribute(SAVED, "directory.saved.person");
            return "redirect:/directory/units/" + unit.id();
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused);
            return personForm(unit, form, model);
        }
    }

    @GetMapping("/units/{id}/roles/new")
    String newRole(@PathVariable UUID id, Model model) {
        return roleForm(directory.unit(id), new RoleForm(null, null, null, null), model);
    }

    @PostMapping("/units/{id}/roles")
    String grantRole(
            @PathVariable UUID id, @ModelAttribute("form") RoleForm form, Model model, RedirectAttributes redirect) {
        UnitView unit = directory.unit(id);
        try {
            PersonView person = directory
                    .findPersonByUsername(form.username() == null ? "" : form.username())
                    .orElseThrow(() -> DomainException.notFound("directory.person.unknown-username", form.username()));
            if (form.role() == null) {
                throw DomainException.invalid("directory.validation.role-required");
            }
            administration.grantRole(
                    person.id(), new GrantRole(unit.id(), form.divisionId(), form.role(), form.positionTitle()));
            redirect.addFlashAttribute(SAVED, "directory.saved.role");
            return "redirect:/directory/units/" + id;
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused);
            return roleForm(unit, form, model);
        }
    }

    /** A person's account: who they are, their roles, and the administrator's buttons. */
    @GetMapping("/people/{id}")
    String person(@PathVariable UUID id, Model model) {
        return personPage(person(id), model);
    }

    /** The new password is shown in this answer only, never kept in the session or a redirect. */
    @PostMapping("/people/{id}/password-reset")
    String resetPassword(@PathVariable UUID id, Model model) {
        model.addAttribute("newPassword", administration.resetUserPassword(id));
        return personPage(person(id), model);
    }

    @PostMapping("/people/{id}/disable")
    String disable(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            administration.disableUser(id);
            redirect.addFlashAttribute(SAVED, "directory.saved.disabled");
            return "redirect:/directory/people/" + id;
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused);
            return personPage(person(id), model);
        }
    }

    @PostMapping("/people/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        administration.enableUser(id);
        redirect.addFlashAttribute(SAVED, "directory.saved.enabled");
        return "redirect:/directory/people/" + id;
    }

    private PersonView person(UUID id) {
        return directory.findPerson(id).orElseThrow(() -> DomainException.notFound("directory.person.not-found", id));
    }

    private String personPage(PersonView person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute(
                "units",
                person.positions().stream()
                        .map(PersonView.Position::unitId)
                        .distinct()
                        .map(directory::findUnit)
                        .flatMap(java.util.Optional::stream)
                        .collect(java.util.stream.Collectors.toMap(UnitView::id, UnitView::name)));
        return "directory/person";
    }

    private String unitForm(CreateUnit form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", UnitKind.values());
        List<UnitView> parents = new ArrayList<>(directory.findUnits(UnitLevel.PROVINCE, null, null));
        parents.addAll(directory.findUnits(UnitLevel.DISTRICT, null, null));
        model.addAttribute("parents", parents);
        return "directory/unit-form";
    }

    private String divisionForm(UnitView unit, CreateDivision form, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        return "directory/division-form";
    }

    private String personForm(UnitView unit, CreatePerson form, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("divisions", directory.divisions(unit.id()));
        model.addAttribute("roles", Role.values());
        return "directory/person-form";
    }

    private String roleForm(UnitView unit, RoleForm form, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("divisions", directory.divisions(unit.id()));
        model.addAttribute("roles", Role.values());
        return "directory/role-form";
    }

    private static UUID requireUnit(@Nullable UUID unitId) {
        if (unitId == null) {
            throw DomainException.invalid("directory.validation.unit-required");
        }
        return unitId;
    }
}
