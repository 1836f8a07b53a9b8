package vn.congvan.directory.web;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** The page where an official changes their own password. */
@Controller
@RequestMapping("/account/password")
class OwnAccountPages {

    private final OwnAccount account;

    OwnAccountPages(OwnAccount account) {
        this.account = account;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", ChangePassword.empty());
        return "directory/password-form";
    }

    /** Changed: every session ends, this one too, and the official signs in with the new password. */
    @PostMapping
    String change(
            @AuthenticationPrincipal Official official,
            @Valid @ModelAttribute("form") ChangePassword form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            return "directory/password-form";
        }
        try {
            account.changePassword(official, form);
            return "redirect:/login?passwordChanged";
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused);
            return "directory/password-form";
        }
    }
}
