package vn.congvan.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.platform.web.MessageArguments;
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
        redirect.addFlashAttribute("stepProblem", reason(e));
    }

    /** The step was taken, said in the words of the message under {@code key}. */
    public void done(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("stepDone", true);
        redirect.addFlashAttribute(
                "stepDoneMessage", messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
    }

    /**
     * The first part of a step was taken and the second refused: the message under {@code key}
     * says what was done, with the refusal's reason as its argument.
     */
    public void partlyRefused(RedirectAttributes redirect, String key, DomainException e) {
        redirect.addFlashAttribute(
                "stepProblem",
                messages.getMessage(key, new Object[] {reason(e)}, key, LocaleContextHolder.getLocale()));
    }

    /** The refusal in the official's language, to be shown on the page being built. */
    public String said(DomainException e) {
        return reason(e);
    }

    private String reason(DomainException e) {
        return java.util.Objects.requireNonNullElse(
                messages.getMessage(
                        e.code(), MessageArguments.readable(e.args()), e.code(), LocaleContextHolder.getLocale()),
                e.code());
    }
}
