package vn.congvan.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.DomainException;

/**
 * What reading a PDF received from outside may cost, and the one way CongVan opens such a PDF. A PDF
 * of a few kilobytes can hold a stream that decodes to gigabytes (a FlateDecode of a FlateDecode of
 * zeros), and PDFBox decodes a stream whole, in memory: the cross-reference and object streams as it
 * loads the file, the others when they are read. So {@link #load} measures every cross-reference and
 * object stream before PDFBox decodes it, decoding into nothing and stopping at the bound, and
 * refuses the file past it ({@link TooLarge}); {@link #decodesWithin} measures the streams a reader
 * would decode next, and text is read against a {@link #deadline()}.
 */
public final class PdfBounds {

    private static final List<COSName> IMAGE_FILTERS = List.of(
            COSName.DCT_DECODE,
            COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE,
            COSName.JBIG2_DECODE,
            COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION);

    private static final byte[] OBJECT_STREAM = "/ObjStm".getBytes(StandardCharsets.ISO_8859_1);

    private final PdfLimits limits;

    public PdfBounds(PdfLimits limits) {
        this.limits = limits;
    }

    /** The bounds when nothing is configured, for code that runs outside the application. */
    public static PdfBounds defaults() {
        return new PdfBounds(PdfLimits.DEFAULTS);
    }

    /** Most bytes the streams of one PDF may decode to, at load and again before it is read. */
    public long maxDecodedBytes() {
        return limits.maxDecodedSize().toBytes();
    }

    /** The same, in whole megabytes, for messages. */
    public long maxDecodedMegabytes() {
        return limits.maxDecodedSize().toMegabytes();
    }

    /**
     * Opens a PDF file with its cross-reference and object streams measured before they are decoded,
     * every object parsed; PDFBox caches in temporary files.
     *
     * @throws TooLarge when those streams decode past {@link #maxDecodedBytes()}
     */
    public PDDocument load(Path file) throws IOException {
        Budget budget = new Budget(maxDecodedBytes());
        RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(file);
        PDDocument pdf;
        try {
            // PDFBox repairs a damaged file by searching it for "/ObjStm" and decoding what it finds
            // without passing through parseCOSStream below: a file holding object streams is read as
            // written, unrepaired, so that every object stream is measured first.
            pdf = new BoundedParser(source, budget).parse(!mentions(file, OBJECT_STREAM));
        } catch (IOException | RuntimeException e) {
            source.close();
            if (budget.exceeded()) {
                throw new TooLarge(maxDecodedBytes());
            }
            throw e;
        }
        try {
            // Objects are parsed when first used, and PDFBox logs and forgets what cannot be parsed:
            // every object is parsed now, so that each object stream is measured while the file is
            // opened, and the file refused here rather than read without part of it.
            COSDocument document = pdf.getDocument();
            for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
                document.getObjectFromPool(key).getObject();
                if (budget.exceeded()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            pdf.close();
            throw e;
        }
        if (budget.exceeded()) {
            pdf.close();
            throw new TooLarge(maxDecodedBytes());
        }
        return pdf;
    }

    /**
     * Whether the streams a reader of text or a drawer of pages may decode (page contents, forms,
     * fonts, but not images, nor the object and cross-reference streams {@link #load} measured)
     * decode to at most {@link #maxDecodedBytes()} in all.
     */
    public boolean decodesWithin(PDDocument pdf) throws IOException {
        COSDocument document = pdf.getDocument();
        Budget budget = new Budget(maxDecodedBytes());
        try {
            for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
                COSBase object = document.getObjectFromPool(key).getObject();
                if (object instanceof COSStream stream && !structural(stream) && !image(stream)) {
                    measure(stream, budget);
                }
            }
            return !budget.exceeded();
        } catch (Budget.Spent e) {
            return false;
        }
    }

    /**
     * Refuses a PDF whose streams decode past the bound ({@link #decodesWithin}): before a validator
     * or a comparison of revisions reads and draws its pages. Images are not measured: a scanned
     * dossier holds gigabytes of them, and they are decoded one at a time as a page is drawn.
     */
    public void requireWithin(PDDocument pdf) throws IOException {
        if (!decodesWithin(pdf)) {
            throw new TooLarge(maxDecodedBytes());
        }
    }

    /**
     * Whether the pages of a PDF may be drawn at {@code scale} (1 is 72 dpi): no page larger than
     * {@code congvan.pdf.max-page-pixels} at that scale, and no image the pages draw decoding past
     * {@code congvan.pdf.max-image-size} ({@link PageDrawing}). Images are bounded one by one, not
     * in all, since a scanned dossier holds gigabytes of them and they are decoded one at a time.
     */
    public boolean drawsWithin(PDDocument pdf, float scale) throws IOException {
        return PageDrawing.within(pdf, scale, limits.maxImageSize().toBytes(), limits.maxPagePixels());
    }

    /**
     * Refuses a PDF whose pages may not be drawn at {@code scale} ({@link #drawsWithin}), as too large,
     * before a validator or a comparison of revisions draws them.
     */
    public void requireDrawable(PDDocument pdf, float scale) throws IOException {
        if (!drawsWithin(pdf, scale)) {
            throw new TooLarge("The PDF's pages draw images or pages past the bounds", true);
        }
    }

    /**
     * The answer to a PDF refused as {@code refused} says: for what its streams decode to
     * ({@link #refusal()}), or for what drawing its pages would take ({@code platform.pdf.too-large-to-draw},
     * with the bounds of an image in megabytes and of a page in millions of pixels).
     */
    public DomainException refusal(TooLarge refused) {
        if (!refused.drawing) {
            return refusal();
        }
        return DomainException.invalid(
                "platform.pdf.too-large-to-draw",
                limits.maxImageSize().toMegabytes(),
                limits.maxPagePixels() / 1_000_000);
    }

    /**
     * The answer to a PDF refused for what its streams decode to ({@code platform.pdf.too-large},
     * with the bound in megabytes), for every module alike.
     */
    public DomainException refusal() {
        return DomainException.invalid("platform.pdf.too-large", maxDecodedMegabytes());
    }

    /** A deadline of {@code congvan.pdf.max-text-time} from now, to be checked as a PDF's content is processed. */
    public Deadline deadline() {
        return new Deadline(System.nanoTime() + limits.maxTextTime().toNanos(), limits.maxTextTime());
    }

    /** When the reading of a PDF must stop; {@link #check()} throws once it is past. */
    public static final class Deadline {
        private final long at;
        private final java.time.Duration length;

        private Deadline(long at, java.time.Duration length) {
            this.at = at;
            this.length = length;
        }

        public void check() throws IOException {
            if (System.nanoTime() - at > 0) {
                throw new TimeExceeded(length);
            }
        }
    }

    /** Raised by a {@link Deadline} that has passed. */
    public static final class TimeExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        TimeExceeded(java.time.Duration length) {
            super("The PDF took longer than " + length + " to read");
        }
    }

    /**
     * A PDF whose streams decode past the bound, or whose pages would take more than the bounds to
     * draw: refused, or read without its text, by the caller.
     */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final boolean drawing;

        TooLarge(long bytes) {
            this("The PDF's streams decode to more than " + bytes + " bytes", false);
        }

        TooLarge(String message, boolean drawing) {
            super(message);
            this.drawing = drawing;
        }
    }

    /** PDFBox's parser, measuring each cross-reference and object stream before PDFBox decodes it. */
    private static final class BoundedParser extends PDFParser {
        private final Budget budget;
        private final Set<COSStream> measured = Collections.newSetFromMap(new IdentityHashMap<>());

        BoundedParser(RandomAccessReadBufferedFile source, Budget budget) throws IOException {
            super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
            this.budget = budget;
        }

        @Override
        protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
            COSStream stream = super.parseCOSStream(dictionary);
            // What the first reading of the file parses: the cross-reference streams (whatever their
            // /Type says), which it decodes at once, and the few objects the catalog check reads.
            // Object streams are measured where they are decoded, once decrypted.
            if (!initialParseDone && !COSName.OBJ_STM.equals(stream.getCOSName(COSName.TYPE))) {
                measureOnce(stream);
            }
            return stream;
        }

        @Override
        protected COSBase parseObjectStreamObject(long objectStreamNumber, COSObjectKey key) throws IOException {
            // The object stream is whatever the cross-reference names, whatever its /Type says.
            COSBase objectStream = document.getObjectFromPool(getObjectKey(objectStreamNumber, 0))
                    .getObject();
            if (objectStream instanceof COSStream stream) {
                measureOnce(stream);
            }
            return super.parseObjectStreamObject(objectStreamNumber, key);
        }

        private void measureOnce(COSStream stream) throws IOException {
            if (budget.exceeded()) {
                throw new Budget.Spent();
            }
            if (!measured.add(stream)) {
                return;
            }
            long position = source.getPosition();
            try {
                measure(stream, budget);
            } finally {
                source.seek(position);
            }
        }
    }

    private static boolean structural(COSStream stream) {
        COSName type = stream.getCOSName(COSName.TYPE);
        return COSName.OBJ_STM.equals(type) || COSName.XREF.equals(type);
    }

    private static boolean image(COSStream stream) {
        return COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
    }

    private static boolean mentions(Path file, byte[] word) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int kept = 0;
            int read;
            while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + read;
                for (int i = 0; i + word.length <= end; i++) {
                    if (buffer[i] == word[0] && Arrays.equals(buffer, i, i + word.length, word, 0, word.length)) {
                        return true;
                    }
                }
                // The end of this read may be the beginning of the word.
                kept = Math.min(word.length - 1, end);
                System.arraycopy(buffer, end - kept, buffer, 0, kept);
            }
            return false;
        }
    }

    static void measure(COSStream stream, Budget budget) throws IOException {
        List<COSName> filters = filtersOf(stream.getFilters());
        if (filters.isEmpty()) {
            budget.spend(stream.getLength());
            return;
        }
        byte[] encoded = null;
        for (int i = 0; i < filters.size(); i++) {
            if (IMAGE_FILTERS.contains(filters.get(i))) {
                return;
            }
            Filter filter;
            try {
                filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
            } catch (IOException unknown) {
                // PDFBox cannot decode it either.
                return;
            }
            boolean last = i == filters.size() - 1;
            // Only the steps between two filters are held, and never beyond what is left of the budget.
            Sink out = new Sink(budget, !last);
            try (InputStream in = encoded == null ? stream.createRawInputStream() : new ByteArrayInputStream(encoded)) {
                filter.decode(in, out, stream, i);
            } catch (Budget.Spent e) {
                throw e;
            } catch (IOException damaged) {
                // A damaged stream decodes no further for PDFBox either: what it gave is counted.
                if (budget.exceeded()) {
                    throw new Budget.Spent();
                }
                return;
            }
            encoded = out.held();
        }
    }

    static List<COSName> filtersOf(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** What is left to decode. */
    static final class Budget {
        private long left;

        Budget(long max) {
            this.left = max;
        }

        boolean exceeded() {
            return left < 0;
        }

        void spend(long bytes) throws Spent {
            left -= bytes;
            if (left < 0) {
                throw new Spent();
            }
        }

        /** Thrown under a filter's decoding, which it ends. */
        static final class Spent extends IOException {
            private static final long serialVersionUID = 1L;
        }
    }

    /** Where a filter decodes to: counted against the budget, kept only when another filter follows. */
    static final class Sink extends OutputStream {
        private final Budget budget;
        private final @Nullable ByteArrayOutputStream kept;

        Sink(Budget budget, boolean keep) {
            this.budget = budget;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        byte @Nullable [] held() {
            return kept == null ? null : kept.toByteArray();
        }

        @Override
        public void write(int b) throws IOException {
            budget.spend(1);
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            budget.spend(length);
            if (kept != null) {
                kept.write(bytes, offset, length);
            }
        }
    }
}
