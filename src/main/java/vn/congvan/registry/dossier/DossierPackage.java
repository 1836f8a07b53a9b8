package vn.congvan.registry.dossier;

import java.util.List;
import java.util.Locale;
import vn.congvan.storage.SafeFileName;

/**
 * What an export of a dossier writes, read while the request's transaction is open: the dossier
 * and its documents in chronological order, each marked readable or not for the one exporting.
 */
public final class DossierPackage {

    private final DossierView dossier;
    private final List<Packed> documents;
    private final Locale locale;

    DossierPackage(DossierView dossier, List<Packed> documents, Locale locale) {
        this.dossier = dossier;
        this.documents = List.copyOf(documents);
        this.locale = locale;
    }

    /** The name of the ZIP file, from the file code. */
    public String zipName() {
        return fileName("zip");
    }

    String fileName(String extension) {
        return SafeFileName.of(dossier.fileCode() + "." + extension).value();
    }

    DossierView dossier() {
        return dossier;
    }

    List<Packed> documents() {
        return documents;
    }

    /** The language of the printed labels and masks. */
    Locale locale() {
        return locale;
    }

    /**
     * A document at its place in the dossier with the subject to print; one that may not be read is
     * listed with a mask for its subject and without its PDF.
     */
    record Packed(int ordinal, FiledDocument filed, boolean readable, String subject) {

        /** Whether its main PDF goes into the dossier's PDF. */
        boolean inPdf() {
            return readable && filed.mainSha256() != null;
        }
    }
}
