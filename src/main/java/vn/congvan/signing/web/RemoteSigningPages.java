package vn.congvan.signing.web;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.platform.StepOutcome;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.remote.RemoteSignature;
import vn.congvan.signing.remote.RemoteSigning;

/**
 * Signing on the phone (PKI SIM) from a document's page: the press that asks the remote signing
 * service, and the page where the official waits for their own confirmation on the phone, told
 * how long is left; once confirmed it leads to the signed document, and when refused or too late it
 * says so and offers to ask again.
 */
@Controller
class RemoteSigningPages {

    private final RemoteSigning signing;
    private final DocumentSigning rules;
    private final DocumentFiles files;
    private final StepOutcome outcome;
    private final Clock clock;

    RemoteSigningPages(
            RemoteSigning signing, DocumentSigning rules, DocumentFiles files, StepOutcome outcome, Clock clock) {
        this.signing = signing;
        this.rules = rules;
        this.files = files;
        this.outcome = outcome;
        this.clock = clock;
    }

    @PostMapping("/documents/{id}/remote-signing")
    String start(
            @PathVariable UUID id,
            @RequestParam SignatureKind kind,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        try {
            RemoteSignature started = signing.start(
                    new SignatureRequest(id, kind, null, null, null, null, null),
                    null,
                    official,
                    LocaleContextHolder.getLocale());
            return "redirect:/remote-signatures/" + started.id();
        } catch (DomainException e) {
            outcome.refused(redirect, e);
            return "redirect:/documents/" + id + "#signing";
        }
    }

    /** The wait for the phone; a signature confirmed meanwhile leads to its document, saying so. */
    @GetMapping("/remote-signatures/{rid}")
    String page(
            @PathVariable UUID rid,
            @AuthenticationPrincipal Official official,
            Model model,
            RedirectAttributes redirect) {
        RemoteSignature signature = signing.find(rid, official, LocaleContextHolder.getLocale());
        if (signature.state() == RemoteSignature.State.SIGNED) {
            outcome.done(redirect, "signing.remote.page.signed");
            // To the words that say so, the signature's check below them.
            return "redirect:/documents/" + signature.documentId() + "#step-done";
        }
        DocumentView document = files.readable(official, signature.documentId());
        SignatureKind kind = signature.kind();
        model.addAttribute("signature", signature);
        model.addAttribute("document", document);
        model.addAttribute("secondsLeft", secondsLeft(signature));
        model.addAttribute(
                "retryKind",
                signature.state() != RemoteSignature.State.PENDING
                                && kind != null
                                && rules.kindsFor(official, document).contains(kind)
                                && signing.offered(official, document, kind)
                        ? kind
                        : null);
        return "signing/remote-signing";
    }

    /** What the waiting page asks every few seconds: the state, its words, and the seconds left. */
    @GetMapping("/remote-signatures/{rid}/status")
    @ResponseBody
    RemoteSigningStatus status(@PathVariable UUID rid, @AuthenticationPrincipal Official official) {
        RemoteSignature signature = signing.find(rid, official, LocaleContextHolder.getLocale());
        return new RemoteSigningStatus(signature.state().name(), signature.message(), secondsLeft(signature));
    }

    private long secondsLeft(RemoteSignature signature) {
        if (signature.state() != RemoteSignature.State.PENDING) {
            return 0;
        }
        return Math.max(
                0,
                Duration.between(clock.instant(), signature.deadline().toInstant())
                        .toSeconds());
    }

    /** The state of a remote signature as the waiting page reads it. */
    record RemoteSigningStatus(String state, String message, long secondsLeft) {}
}
