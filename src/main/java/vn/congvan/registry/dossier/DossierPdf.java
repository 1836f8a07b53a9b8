package vn.congvan.registry.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.congvan.storage.Blobs;

/**
 * Writes a dossier as one PDF: its cover, then the main PDF of every document the reader may read,
 * in the dossier's order. PDFBox merges from files and caches in temp files, so a dossier of
 * gigabytes passes with the default heap.
 */
@Component
class DossierPdf {

    private static final Logger log = LoggerFactory.getLogger(DossierPdf.class);

    private final DossierCover cover;
    private final Blobs blobs;

    DossierPdf(DossierCover cover, Blobs blobs) {
        this.cover = cover;
        this.blobs = blobs;
    }

    /** Writes the PDF to the stream, which stays open. */
    void write(DossierPackage pack, OutputStream out) throws IOException {
        Path work = Files.createTempDirectory("dossier-export");
        try {
            PDFMergerUtility merger = new PDFMergerUtility();
            Path coverFile = work.resolve("cover.pdf");
            cover.write(pack, coverFile);
            merger.addSource(coverFile.toFile());
            // The merger reads every source until it saves, and a blob is only lent for the time of
            // a call (Blobs.withLocalFile), so each PDF is copied, streamed, into the work folder.
            for (DossierPackage.Packed packed : pack.documents()) {
                if (packed.inPdf()) {
                    Path source = work.resolve(packed.ordinal() + ".pdf");
                    try (InputStream in = blobs.open(packed.filed().mainSha256())) {
                        Files.copy(in, source);
                    }
                    merger.addSource(source.toFile());
                }
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(pack.dossier().title());
            info.setSubject(pack.dossier().fileCode());
            info.setCreator("CongVan");
            merger.setDestinationDocumentInformation(info);
            merger.setDestinationStream(new KeptOpenStream(out));
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
        } finally {
            delete(work);
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
