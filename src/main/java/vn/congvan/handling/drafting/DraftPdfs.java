package vn.congvan.handling.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import vn.congvan.platform.OfficeDocuments;
import vn.congvan.platform.PdfBounds;
import vn.congvan.registry.StoredFile;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * The PDF versions of drafts: stored once checked to be a readable PDF, read back by version. A
 * version written in Word (.docx) or OpenDocument (.odt) is rendered as PDF, and the file it was
 * rendered from is kept beside it as the version's editable source.
 */
@Component
class DraftPdfs {

    private static final String PDF = "application/pdf";

    private final Drafts drafts;
    private final Blobs blobs;
    private final PdfBounds bounds;
    private final OfficeDocuments office;

    DraftPdfs(Drafts drafts, Blobs blobs, PdfBounds bounds, OfficeDocuments office) {
        this.drafts = drafts;
        this.blobs = blobs;
        this.bounds = bounds;
        this.office = office;
    }

    /** Stores the upload as the draft's next version and answers its number. */
    int add(UUID draftId, String fileName, InputStream pdf, Official by, Instant at) {
        String name = vn.congvan.storage.SafeFileName.ofUpload(fileName == null ? "du-thao.pdf" : fileName)
                .toString();
        // The upload's size is bounded where it comes in (congvan.upload.max-file-size).
        StoredBlob blob = blobs.store(pdf);
        if (OfficeDocuments.isOfficeDocument(name)) {
            StoredBlob rendered = blobs.withLocalFile(
                    blob.sha256(),
                    file -> office.renderPdf(file, name, output -> {
                        try (InputStream in = Files.newInputStream(output)) {
                            return blobs.store(in);
                        }
                    }));
            requirePdf(rendered);
            return drafts.addVersion(
                    draftId,
                    rendered.sha256(),
                    OfficeDocuments.pdfName(name),
                    rendered.size(),
                    new Drafts.Source(blob.sha256(), name, blob.size()),
                    by.personId(),
                    at);
        }
        requirePdf(blob);
        return drafts.addVersion(draftId, blob.sha256(), name, blob.size(), null, by.personId(), at);
    }

    <T> T read(UUID draftId, int version, Function<InputStream, T> reader) {
        return read(version(draftId, version).sha256(), reader);
    }

    /** The Word or OpenDocument file a version was rendered from; not found for a PDF upload. */
    <T> T readSource(UUID draftId, int version, Function<InputStream, T> reader) {
        Drafts.Source source = version(draftId, version).source();
        if (source == null) {
            throw DomainException.notFound("handling.draft.no-source");
        }
        return read(source.sha256(), reader);
    }

    private Drafts.Version version(UUID draftId, int version) {
        return drafts.versions(draftId).stream()
                .filter(x -> x.version() == version)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
    }

    private <T> T read(String sha256, Function<InputStream, T> reader) {
        try (InputStream in = blobs.open(sha256)) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StoredFile latest(Draft draft) {
        List<Drafts.Version> versions = drafts.versions(draft.id());
        Drafts.Version v = versions.get(versions.size() - 1);
        return new StoredFile(v.sha256(), v.fileName(), PDF, v.size());
    }

    private void requirePdf(StoredBlob blob) {
        boolean readable = blobs.withLocalFile(blob.sha256(), file -> {
            try (PDDocument pdf = bounds.load(file)) {
                return pdf.getNumberOfPages() > 0;
            } catch (PdfBounds.TooLarge e) {
                throw bounds.refusal();
            } catch (IOException e) {
                return false;
            }
        });
        if (!readable) {
            throw DomainException.invalid("handling.draft.not-a-pdf");
        }
    }
}
