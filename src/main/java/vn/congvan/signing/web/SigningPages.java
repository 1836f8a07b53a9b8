package vn.congvan.signing.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.PdfSignatures;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.PluginSigning;
import vn.congvan.signing.document.PluginStart;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.remote.RemoteSigning;
import vn.congvan.signing.settings.SigningProperties;
import vn.congvan.signing.validation.SignatureValidations;

/**
 * The "Ký số" section of a document's page, loaded into it by htmx: the verdicts kept on the
 * signatures of its PDF files, a re-check, and the buttons to sign that the official's roles
 * allow; and the page where anyone signed in checks the signatures of a PDF of their own.
 */
@Controller
class SigningPages {

    /** More than a list page ever shows. */
    private static final int MAX_FLAGGED = 200;

    private final DocumentFiles files;
    private final DocumentSigning signing;
    private final SignatureValidations validations;
    private final PdfSignatures signatures;
    private final PluginSigning pluginSigning;
    private final RemoteSigning remoteSigning;
    private final String pluginUrl;

    SigningPages(
            DocumentFiles files,
            DocumentSigning signing,
            SignatureValidations validations,
            PdfSignatures signatures,
            PluginSigning pluginSigning,
            RemoteSigning remoteSigning,
            SigningProperties properties) {
        this.files = files;
        this.signing = signing;
        this.validations = validations;
        this.signatures = signatures;
        this.pluginSigning = pluginSigning;
        this.remoteSigning = remoteSigning;
        this.pluginUrl = properties.pluginUrl();
    }

    @GetMapping("/documents/{id}/signing")
    String section(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DocumentView document = files.readable(official, id);
        model.addAttribute("document", document);
        model.addAttribute("validation", validations.of(document, LocaleContextHolder.getLocale()));
        Set<SignatureKind> kinds = signing.kindsFor(official, document);
        Set<SignatureKind> onPhone = EnumSet.noneOf(SignatureKind.class);
        for (SignatureKind kind : kinds) {
            if (remoteSigning.offered(official, document, kind)) {
                onPhone.add(kind);
            }
        }
        Set<SignatureKind> onServer = EnumSet.noneOf(SignatureKind.class);
        onServer.addAll(kinds);
        // A personal signature from the page needs the key on the server; a leader whose key is only
        // on a SIM or a token is offered those, not a button that could only be refused.
        if (!signing.holdsPersonalKey(official)) {
            onServer.remove(SignatureKind.PERSONAL);
        }
        model.addAttribute("kinds", kinds);
        model.addAttribute("serverKinds", onServer);
        model.addAttribute("remoteKinds", onPhone);
        model.addAttribute(
                "waitingOnPhone", remoteSigning.pending(document.id(), official, LocaleContextHolder.getLocale()));
        return "signing/document-signing :: section";
    }

    @PostMapping("/documents/{id}/signing")
    String sign(@PathVariable UUID id, @RequestParam SignatureKind kind, @AuthenticationPrincipal Official official) {
        signing.sign(new SignatureRequest(id, kind, null, null, null, null, null), official);
        return "redirect:/documents/" + id + "#signing";
    }

    @PostMapping("/documents/{id}/signing/recheck")
    String recheck(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        validations.recheck(official, id, LocaleContextHolder.getLocale());
        return "redirect:/documents/" + id + "#signing";
    }

    /**
     * For a list of documents (the registry's lists load it by htmx): a warning badge, swapped out of
     * band into each listed document whose signatures are invalid, saying when a file was altered.
     */
    @GetMapping("/signatures/flags")
    String flags(
            @RequestParam(name = "document", required = false) List<UUID> documents,
            @AuthenticationPrincipal Official official,
            Model model) {
        List<UUID> listed = documents == null
                ? List.of()
                : documents.stream().limit(MAX_FLAGGED).toList();
        model.addAttribute("flagged", validations.flagged(official, listed));
        return "signing/flags :: flags";
    }

    @GetMapping("/signatures/check")
    String checkForm() {
        return "signing/check";
    }

    @PostMapping("/signatures/check")
    String check(@RequestParam("file") MultipartFile file, Model model) {
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("report", signatures.validate(in, LocaleContextHolder.getLocale()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DomainException e) {
            model.addAttribute("problem", e.code());
        }
        return "signing/check";
    }

    /** The page that hands the signature to the desktop signing plug-in and shows its answer. */
    @GetMapping("/documents/{id}/plugin-signing")
    String pluginPage(
            @PathVariable UUID id,
            @RequestParam SignatureKind kind,
            @AuthenticationPrincipal Official official,
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
