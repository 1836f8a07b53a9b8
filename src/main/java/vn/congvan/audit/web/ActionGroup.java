package vn.congvan.audit.web;

import java.util.List;

/** The kinds of work an administrator looks for in the trail, each the action prefixes it covers. */
enum ActionGroup {
    DOCUMENTS("document.", "register.", "fileplan."),
    DRAFTS("draft."),
    HANDLING("handling."),
    DELIVERIES("delivery.", "exchange."),
    DOSSIERS("dossier."),
    SIGNATURES("signature.", "signature-image.", "seal-image.", "certificate.", "certificates."),
    DIRECTORY("directory."),
    SIGN_INS("auth."),
    STORAGE_AND_STATISTICS("storage.", "statistics.");

    private final List<String> prefixes;

    ActionGroup(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    List<String> prefixes() {
        return prefixes;
    }

    public String messageKey() {
        return "audit.group." + name();
    }
}
