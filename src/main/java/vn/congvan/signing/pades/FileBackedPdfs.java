package vn.congvan.signing.pades;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.congvan.platform.PdfBounds;

/**
 * DSS's PDFBox objects for one signature or one validation, working from files: PDFBox keeps at
 * most {@link #MEMORY_PER_DOCUMENT} of a document in memory, DSS writes what it produces to
 * temporary files, and a signed revision that DSS hands over as a stream (to compare it with the
 * final document) is first copied to a temporary file instead of being read whole into memory, as
 * DSS does by default; the byte range reserved for a new signature is wide enough for files past a
 * gigabyte ({@link WideByteRange}), and the signature value is written into it in large blocks
 * ({@link SignatureValuePlacement}). DSS draws the pages of every signed revision and of the final
 * document to compare them (its shadow-attack check): each revision is measured first as it would be
 * drawn ({@link PdfBounds#drawsWithin}, {@link PdfBounds#decodesWithin}), and one past the bounds is
 * not drawn but {@linkplain #refusedToDraw() noted}, for the caller to answer "too large". Closing
 * removes the temporary files.
 */
public final class FileBackedPdfs extends PdfBoxNativeObjectFactory implements AutoCloseable {

    /** PDFBox may keep this much of a document in memory before it turns to temporary files. */
    static final long MEMORY_PER_DOCUMENT = 32L * 1024 * 1024;

    /** The scale at which DSS draws pages to compare revisions: 72 dpi. */
    public static final float DRAWING_SCALE = 1f;

    /** DSS draws the pages of a file of at most this many pages (its default), and none of a longer one. */
    private static final int MOST_PAGES_DRAWN = 10;

    private final TempFileResourcesHandlerBuilder temporaryFiles =
            new TempFileResourcesHandlerBuilder().setFileNamePrefix("congvan-signing-");
    private final List<Path> copies = new CopyOnWriteArrayList<>();
    private final PdfBounds bounds;
    private final AtomicBoolean refusedToDraw = new AtomicBoolean();

    public FileBackedPdfs(PdfBounds bounds) {
        this.bounds = bounds;
        setResourcesHandlerBuilder(temporaryFiles);
        setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(MEMORY_PER_DOCUMENT));
    }

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        return configure(new FileBackedService(PDFServiceMode.SIGNATURE));
    }

    @Override
    public PDFSignatureService newContentTimestampService() {
        return configure(new FileBackedService(PDFServiceMode.CONTENT_TIMESTAMP));
    }

    @Override
    public PDFSignatureService newSignatureTimestampService() {
        return configure(new FileBackedService(PDFServiceMode.SIGNATURE_TIMESTAMP));
    }

    @Override
    public PDFSignatureService newArchiveTimestampService() {
        return configure(new FileBackedService(PDFServiceMode.ARCHIVE_TIMESTAMP));
    }

    /**
     * Whether DSS draws the pages of this PDF to compare its revisions: measuring the images of a long
     * scanned dossier that DSS will not draw would decode gigabytes for nothing.
     */
    public static boolean drawnByDss(PDDocument pdf) {
        return pdf.getNumberOfPages() <= MOST_PAGES_DRAWN;
    }

    /** Whether DSS was kept from drawing the pages of a revision past the bounds: its comparison is missing. */
    public boolean refusedToDraw() {
        return refusedToDraw.get();
    }

    @Override
    public void close() {
        temporaryFiles.clear();
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // A leftover copy: of a revision of a file the storage keeps anyway, or of a signed file handed over.
            }
        }
        copies.clear();
    }

    private DSSDocument onDisk(DSSDocument document) throws IOException {
        if (document instanceof FileDocument || document instanceof InMemoryDocument) {
            return document;
        }
        Path copy = Files.createTempFile("congvan-revision-", ".pdf");
        copies.add(copy);
        try (InputStream in = document.openStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return new FileDocument(copy.toFile());
    }

    private final class FileBackedService extends PdfBoxSignatureService {

        FileBackedService(PDFServiceMode mode) {
            super(mode, new PdfBoxNativeSignatureDrawerFactory());
        }

        @Override
        protected PdfDocumentReader loadPdfDocumentReader(DSSDocument document, char[] password) throws IOException {
            return super.loadPdfDocumentReader(onDisk(document), password);
        }

        @Override
        protected List<PdfModification> getVisualDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
            if (last.getNumberOfPages() <= MOST_PAGES_DRAWN && (!drawable(signed) || !drawable(last))) {
                // DSS logs and swallows what a comparison throws: the refusal is kept aside instead.
                refusedToDraw.set(true);
                return List.of();
            }
            return super.getVisualDifferences(signed, last);
        }

        private boolean drawable(PdfDocumentReader revision) {
            if (!(revision instanceof PdfBoxDocumentReader pdfBox)) {
                return false;
            }
            try {
                PDDocument document = pdfBox.getPDDocument();
                return bounds.decodesWithin(document) && bounds.drawsWithin(document, DRAWING_SCALE);
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * Writes the signature value into the prepared PDF kept from the first step, in large blocks
         * ({@link SignatureValuePlacement}); DSS's own way when that PDF has no single reserved space.
         */
        @Override
        public DSSDocument sign(DSSDocument toSignDocument, byte[] cms, PAdESCommonParameters parameters) {
            DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
            if (prepared != null) {
                try (InputStream in = prepared.openStream()) {
                    Path signed = Files.createTempFile("congvan-signed-", ".pdf");
                    copies.add(signed);
                    if (new SignatureValuePlacement(cms).place(in, signed)) {
                        DSSDocument document = new FileDocument(signed.toFile());
                        document.setMimeType(MimeTypeEnum.PDF);
                        return document;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return super.sign(toSignDocument, cms, parameters);
        }

        @Override
        public void saveDocumentIncrementally(PDDocument pdDocument, OutputStream outputStream) {
            WideByteRange.widen(pdDocument);
            super.saveDocumentIncrementally(pdDocument, outputStream);
        }
    }
}
