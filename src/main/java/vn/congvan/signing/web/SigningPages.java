package vn.congvan.signing.web;

import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.PluginSigning;
import vn.congvan.signing.document.PluginStart;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.settings.SigningProperties;

/**
 * The "Ký số" section of a document's page, loaded into it by htmx: the signatures of its main
 * file with their verdicts, and the buttons to sign that the official's roles allow.
 */
@Controller
class SigningPages {

    private final DocumentFiles files;
    private final DocumentSigning signing;
    private final PluginSigning pluginSigning;
    private final String pluginUrl;

    SigningPages(DocumentFiles files, DocumentSigning signing, PluginSigning pluginSigning,
            SigningProperties properties) {
        this.files = files;
        this.signing = signing;
        this.pluginSigning = pluginSigning;
        this.pluginUrl = properties.pluginUrl();
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

    /** The page that hands the signature to the desktop signing plug-in and shows its answer. */
    @GetMapping("/documents/{id}/plugin-signing")
    String pluginPage(
            @PathVariable UUID id, @RequestParam SignatureKind kind, @AuthenticationPrincipal Official official,
            Model model) {
        model.addAttribute("document", files.readable(official, id));
        model.addAttribute("kind", kind);
        model.addAttribute("pluginUrl", pluginUrl);
        return "signing/plugin-signing";
    }

    /** What the page hands the plug-in (the browser's session and CSRF token stand for the API's bearer). */
    @PostMapping(path = "/documents/{id}/plugin-signing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PluginStart startPluginSignature(
            @PathVariable UUID id, @RequestBody SignBody body, @AuthenticationPrincipal Official official) {
        return PluginSignatureApi.start(pluginSigning, id, body, official);
    }
}
