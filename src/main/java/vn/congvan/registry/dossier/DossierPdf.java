package vn.congvan.registry.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfBounds;
import vn.congvan.storage.Blobs;

/**
 * Writes a dossier as one PDF: its cover, then the main PDF of every document the reader may read,
 * in the dossier's order. PDFBox merges from files and caches in temp files, so a dossier of
 * gigabytes passes with the default heap. A PDF that decodes past the bounds (one stored before
 * they held, or arrived from outside) is left out, and the cover says so on its line.
 */
@Component
class DossierPdf {

    private static final Logger log = LoggerFactory.getLogger(DossierPdf.class);

    private final DossierCover cover;
    private final Blobs blobs;
    private final PdfBounds bounds;

    DossierPdf(DossierCover cover, Blobs blobs, PdfBounds bounds) {
        this.cover = cover;
        this.blobs = blobs;
        this.bounds = bounds;
    }

    /** Writes the PDF to the stream, which stays open; answers the ordinals of the documents left out. */
    Set<Integer> write(DossierPackage pack, OutputStream out) throws IOException {
        Path work = Files.createTempDirectory("dossier-export");
        try {
            PDFMergerUtility merger = new PDFMergerUtility();
            Path coverFile = work.resolve("cover.pdf");
            // The merger reads every source until it saves, and a blob is only lent for the time of
            // a call (Blobs.withLocalFile), so each PDF is copied, streamed, into the work folder.
            List<Path> sources = new ArrayList<>();
            Set<Integer> leftOut = new HashSet<>();
            for (DossierPackage.Packed packed : pack.documents()) {
                if (packed.inPdf()) {
                    Path source = work.resolve(packed.ordinal() + ".pdf");
                    try (InputStream in = blobs.open(
                            Objects.requireNonNull(packed.filed().mainSha256(), "in the PDF: has a main file"))) {
                        Files.copy(in, source);
                    }
                    if (withinBounds(source)) {
                        sources.add(source);
                    } else {
                        leftOut.add(packed.ordinal());
                    }
                }
            }
            cover.write(pack, coverFile, leftOut);
            merger.addSource(coverFile.toFile());
            for (Path source : sources) {
                merger.addSource(source.toFile());
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(pack.dossier().title());
            info.setSubject(pack.dossier().fileCode());
            info.setCreator("CongVan");
            merger.setDestinationDocumentInformation(info);
            merger.setDestinationStream(new KeptOpenStream(out));
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
            return leftOut;
        } finally {
            delete(work);
        }
    }

    /**
     * Whether the merger, which loads each source with PDFBox as it is, may load this one: it opens
     * within the bounds. One that cannot be read at all is left to the merger, as before.
     */
    private boolean withinBounds(Path source) {
        try (PDDocument opened = bounds.load(source)) {
            return true;
        } catch (PdfBounds.TooLarge e) {
            log.warn("A dossier's PDF left out of its export: {}", e.getMessage());
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void delete(Path work) {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The export went out already; a leftover temp folder holds nothing another request needs.
            log.warn("Cannot delete the export folder {}", work, e);
        }
    }
}
