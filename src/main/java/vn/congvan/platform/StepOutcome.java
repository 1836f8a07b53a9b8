package vn.congvan.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.shared.DomainException;

/**
 * Takes a step posted from a page and goes back to it, with "recorded" or the refusal's message in
 * the official's language shown there instead of an error page.
 */
@Component
public class StepOutcome {

    private final MessageSource messages;

    StepOutcome(MessageSource messages) {
        this.messages = messages;
    }

    public String take(String back, RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("stepDone", true);
        } catch (DomainException e) {
            refused(redirect, e);
        }
        return "redirect:" + back;
    }

    public void refused(RedirectAttributes redirect, DomainException e) {
        redirect.addFlashAttribute(
                "stepProblem", messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale()));
    }
}
