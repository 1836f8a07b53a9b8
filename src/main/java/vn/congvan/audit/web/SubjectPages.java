package vn.congvan.audit.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.congvan.audit.AuditRecordView;

/**
 * What a record is about, in words, and the page that shows it: by the subject's type, and for the
 * directory's records (all of type "directory") by their action: a unit's, or a person's account.
 */
final class SubjectPages {

    private static final Map<String, String> PAGES = Map.of(
            "document", "/documents/",
            "draft", "/drafts/",
            "dossier", "/dossiers/",
            "unit", "/directory/units/",
            "person", "/directory/people/");

    /** The subject's kind as the bundles name it ({@code audit.subject.*}). */
    public String kind(AuditRecordView record) {
        return record.subjectType().equals("directory") ? directoryKind(record.action()) : record.subjectType();
    }

    /** The address of the subject's page, or null when it has none. */
    public @Nullable String page(AuditRecordView record) {
        String base = PAGES.get(kind(record));
        return base == null || !record.subjectId().matches("[0-9a-fA-F-]{36}") ? null : base + record.subjectId();
    }

    private static String directoryKind(String action) {
        if (action.startsWith("directory.unit.")) {
            return "unit";
        }
        if (action.startsWith("directory.person.")
                || action.startsWith("directory.role.")
                || action.startsWith("directory.account.")) {
            return "person";
        }
        return action.startsWith("directory.division.") ? "division" : "directory";
    }
}
