package vn.congvan.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What reading a PDF received from outside may cost: a PDF of a few kilobytes can hold a stream
 * that decodes to gigabytes (a FlateDecode of zeros), which PDFBox decodes whole in memory before
 * it reads a page's text. The streams are measured first, decoding into nothing and stopping at the
 * bound, and text extraction runs against a deadline.
 */
public final class PdfBounds {

    /** Most bytes the streams of one PDF (images aside) may decode to before its text is read. */
    public static final long MAX_DECODED_BYTES = 256L * 1024 * 1024;

    /** Longest time spent reading one PDF's text. */
    public static final Duration MAX_TEXT_TIME = Duration.ofSeconds(20);

    private static final List<COSName> IMAGE_FILTERS = List.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    private PdfBounds() {}

    /**
     * Whether the streams a reader of text may decode (page contents, forms, fonts, but not images,
     * nor the object and cross-reference streams the loader decoded already) decode to at most
     * {@code maxBytes} in all.
     */
    public static boolean decodesWithin(PDDocument pdf, long maxBytes) throws IOException {
        COSDocument document = pdf.getDocument();
        Budget budget = new Budget(maxBytes);
        try {
            for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
                COSBase object = document.getObjectFromPool(key).getObject();
                if (object instanceof COSStream stream && decodedByReaders(stream)) {
                    measure(stream, budget);
                    if (budget.spent()) {
                        // a filter that swallowed the end of the budget stopped decoding all the same
                        return false;
                    }
                }
            }
            return true;
        } catch (Budget.Spent e) {
            return false;
        }
    }

    /** A deadline of {@link #MAX_TEXT_TIME} from now, to be checked as a PDF's content is processed. */
    public static Deadline deadline() {
        return new Deadline(System.nanoTime() + MAX_TEXT_TIME.toNanos());
    }

    /** When the reading of a PDF must stop; {@link #check()} throws once it is past. */
    public static final class Deadline {
        private final long at;

        private Deadline(long at) {
            this.at = at;
        }

        public void check() throws IOException {
            if (System.nanoTime() - at > 0) {
                throw new TimeExceeded();
            }
        }
    }

    /** Raised by a {@link Deadline} that has passed. */
    public static final class TimeExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        TimeExceeded() {
            super("The PDF took longer than " + MAX_TEXT_TIME + " to read");
        }
    }

    private static boolean decodedByReaders(COSStream stream) {
        COSName type = stream.getCOSName(COSName.TYPE);
        return !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
                && !COSName.OBJ_STM.equals(type)
                && !COSName.XREF.equals(type);
    }

    private static void measure(COSStream stream, Budget budget) throws IOException {
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
            Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
            boolean last = i == filters.size() - 1;
            // Only the steps between two filters are held, and never beyond what is left of the budget.
            Sink out = new Sink(budget, !last);
            try (InputStream in = encoded == null ? stream.createRawInputStream()
                    : new java.io.ByteArrayInputStream(encoded)) {
                filter.decode(in, out, stream, i);
            }
            encoded = out.held();
        }
    }

    private static List<COSName> filtersOf(COSBase filters) {
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
    private static final class Budget {
        private long left;

        Budget(long max) {
            this.left = max;
        }

        boolean spent() {
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
    private static final class Sink extends OutputStream {
        private final Budget budget;
        private final java.io.ByteArrayOutputStream kept;

        Sink(Budget budget, boolean keep) {
            this.budget = budget;
            this.kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        byte[] held() {
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
