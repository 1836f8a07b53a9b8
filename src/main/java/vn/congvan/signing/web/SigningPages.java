package vn.congvan.signing.web;

import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.SignatureRequest;

/**
 * The "Ký số" section of a document's page, loaded into it by htmx: the signatures of its main
 * file with their verdicts, and the buttons to sign that the official's roles allow.
 */
@Controller
class SigningPages {

    private final DocumentFiles files;
    private final DocumentSigning signing;

    SigningPages(DocumentFiles files, DocumentSigning signing) {
        this.files = files;
        this.signing = signing;
    }

    @GetMapping("/documents/{id}/signing")
    String section(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DocumentView document = files.readable(official, id);
        model.addAttribute("document", document);
        model.addAttribute("report", signing.signaturesOf(official, document, LocaleContextHolder.getLocale()));
        model.addAttribute("kinds", signing.kindsFor(official, document));
        return "signing/document-signing :: section";
    }

    @PostMapping("/documents/{id}/signing")
    String sign(@PathVariable UUID id, @RequestParam SignatureKind kind, @AuthenticationPrincipal Official official) {
        signing.sign(new SignatureRequest(id, kind, null, null, null, null, null), official);
        return "redirect:/documents/" + id + "#signing";
    }
}
