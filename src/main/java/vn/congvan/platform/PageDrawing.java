package vn.congvan.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jspecify.annotations.Nullable;

/**
 * What drawing the pages of a PDF would cost, measured without drawing them: the size of each page
 * in pixels, and each image the pages may draw (image XObjects, inline images, and those of the
 * forms, patterns, soft masks, Type 3 glyphs and annotation appearances they use). An image is
 * measured as the larger of what its dictionary declares (width × height × components × a byte at
 * least per sample, since PDFBox holds a drawn sample in a byte at least), what its stream decodes
 * to (decoded into nothing, counted, stopping past the bound) and, for a JPEG or another codec image,
 * the dimensions its own header gives. Each object is visited once, so cycles end.
 */
final class PageDrawing {

    private static final List<COSName> CODECS =
            List.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE, COSName.JBIG2_DECODE);
    private static final List<COSName> FAX = List.of(COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    private final long maxImageBytes;
    private final long maxPagePixels;
    private final Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private PageDrawing(long maxImageBytes, long maxPagePixels) {
        this.maxImageBytes = maxImageBytes;
        this.maxPagePixels = maxPagePixels;
    }

    /** Whether every page, drawn at {@code scale} (1 is 72 dpi), stays within both bounds. */
    static boolean within(PDDocument pdf, float scale, long maxImageBytes, long maxPagePixels) throws IOException {
        PageDrawing drawing = new PageDrawing(maxImageBytes, maxPagePixels);
        try {
            for (PDPage page : pdf.getPages()) {
                drawing.page(page, scale);
            }
            return true;
        } catch (PdfBounds.Budget.Spent e) {
            return false;
        }
    }

    private void page(PDPage page, float scale) throws IOException {
        // What PDFRenderer allocates: the crop box (within the media box) at the scale, in whole pixels.
        PDRectangle box = page.getCropBox();
        long width = (long) Math.max(Math.floor(box.getWidth() * scale), 1);
        long height = (long) Math.max(Math.floor(box.getHeight() * scale), 1);
        if (width * height > maxPagePixels) {
            throw new PdfBounds.Budget.Spent();
        }
        inlineImages(page);
        // The page's own resources or those it inherits from the page tree.
        resources(page.getResources() != null ? page.getResources().getCOSObject() : null);
        if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
            for (int i = 0; i < annotations.size(); i++) {
                if (annotations.getObject(i) instanceof COSDictionary annotation
                        && annotation.getDictionaryObject(COSName.AP) instanceof COSDictionary appearances) {
                    for (COSName kind : List.of(COSName.N, COSName.R, COSName.D)) {
                        appearance(appearances.getDictionaryObject(kind));
                    }
                }
            }
        }
    }

    private void appearance(COSBase appearance) throws IOException {
        if (appearance instanceof COSStream form) {
            form(form);
        } else if (appearance instanceof COSDictionary states) {
            for (COSBase state : states.getValues()) {
                if (dereferenced(state) instanceof COSStream form) {
                    form(form);
                }
            }
        }
    }

    private void resources(@Nullable COSDictionary resources) throws IOException {
        if (resources == null || !visited.add(resources)) {
            return;
        }
        for (COSBase object : values(resources, COSName.XOBJECT)) {
            if (object instanceof COSStream stream) {
                if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    image(stream);
                } else {
                    form(stream);
                }
            }
        }
        for (COSBase object : values(resources, COSName.PATTERN)) {
            // A tiling pattern is a content stream with resources; a shading pattern holds no image.
            if (object instanceof COSStream tiling) {
                form(tiling);
            }
        }
        for (COSBase object : values(resources, COSName.EXT_G_STATE)) {
            if (object instanceof COSDictionary state
                    && state.getDictionaryObject(COSName.SMASK) instanceof COSDictionary mask
                    && mask.getDictionaryObject(COSName.G) instanceof COSStream group) {
                form(group);
            }
        }
        for (COSBase object : values(resources, COSName.FONT)) {
            if (object instanceof COSDictionary font && COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
                if (font.getDictionaryObject(COSName.CHAR_PROCS) instanceof COSDictionary glyphs) {
                    for (COSBase glyph : glyphs.getValues()) {
                        if (dereferenced(glyph) instanceof COSStream procedure && visited.add(procedure)) {
                            inlineImages(procedure);
                        }
                    }
                }
                if (font.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary own) {
                    resources(own);
                }
            }
        }
    }

    /** A form, a tiling pattern or a transparency group: a content stream with its own resources. */
    private void form(COSStream form) throws IOException {
        if (!visited.add(form)) {
            return;
        }
        inlineImages(form);
        if (form.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary own) {
            resources(own);
        }
    }

    private void image(COSStream image) throws IOException {
        if (!visited.add(image)) {
            return;
        }
        requireWithin(declared(image));
        decoded(image);
        for (COSName mask : List.of(COSName.SMASK, COSName.MASK)) {
            if (image.getDictionaryObject(mask) instanceof COSStream other
                    && COSName.IMAGE.equals(other.getCOSName(COSName.SUBTYPE))) {
                image(other);
            }
        }
    }

    private void inlineImages(COSStream content) throws IOException {
        // Any content stream parses as a form's: only its operators are read.
        inlineImages(new PDFStreamParser(new PDFormXObject(content)));
    }

    private void inlineImages(PDPage page) throws IOException {
        if (page.hasContents()) {
            inlineImages(new PDFStreamParser(page));
        }
    }

    private void inlineImages(PDFStreamParser parser) throws IOException {
        try {
            Object token;
            while ((token = parser.parseNextToken()) != null) {
                if (token instanceof Operator operator
                        && "BI".equals(operator.getName())
                        && operator.getImageParameters() != null
                        && operator.getImageData() != null) {
                    COSDictionary parameters = operator.getImageParameters();
                    requireWithin(declared(parameters));
                    decoded(parameters, new ByteArrayInputStream(operator.getImageData()));
                }
            }
        } finally {
            parser.close();
        }
    }

    /** Width × height × components × at least a byte per sample, as the dictionary declares them. */
    private static long declared(COSDictionary image) {
        long width = Math.max(number(image, COSName.WIDTH, COSName.W, 0), 0);
        long height = Math.max(number(image, COSName.HEIGHT, COSName.H, 0), 0);
        boolean mask =
                image.getDictionaryObject(COSName.IMAGE_MASK, COSName.IM) instanceof COSBoolean on && on.getValue();
        long components = mask ? 1 : components(image.getDictionaryObject(COSName.COLORSPACE, COSName.CS));
        long bits = mask ? 1 : Math.max(number(image, COSName.BITS_PER_COMPONENT, COSName.BPC, 8), 1);
        // Each factor is below 2^31: the product of width and height fits; past it the rest only grows.
        long pixels = width * height;
        return pixels > Long.MAX_VALUE / 64 ? Long.MAX_VALUE : pixels * components * Math.max(bits, 8) / 8;
    }

    private static long components(COSBase space) {
        if (space instanceof COSName name) {
            String named = name.getName();
            if (named.equals("DeviceGray")
                    || named.equals("G")
                    || named.equals("CalGray")
                    || named.equals("Indexed")
                    || named.equals("I")
                    || named.equals("Separation")) {
                return 1;
            }
            if (named.equals("DeviceRGB") || named.equals("RGB") || named.equals("CalRGB") || named.equals("Lab")) {
                return 3;
            }
            // DeviceCMYK, a named resource, or none (a JPX image carries its own): the most a drawn pixel takes.
            return 4;
        }
        if (space instanceof COSArray array && array.size() > 0 && array.getObject(0) instanceof COSName family) {
            return switch (family.getName()) {
                case "Indexed", "I", "Separation", "CalGray" -> 1;
                case "CalRGB", "Lab" -> 3;
                case "ICCBased" ->
                    array.size() > 1 && array.getObject(1) instanceof COSStream profile
                            ? Math.max(profile.getInt(COSName.N, 4), 1)
                            : 4;
                case "DeviceN" ->
                    array.size() > 1 && array.getObject(1) instanceof COSArray names ? Math.max(names.size(), 1) : 4;
                default -> 4;
            };
        }
        return 4;
    }

    private void decoded(COSStream image) throws IOException {
        try (InputStream raw = image.createRawInputStream()) {
            decoded(image, raw);
        }
    }

    /**
     * Decodes an image's stream through its general filters into nothing, counting, each step past the
     * bound refused; a codec (JPEG, JPEG 2000, JBIG2) is not run but its header read for the dimensions
     * it decodes to, and a fax stream is counted at the rows and columns PDFBox allocates for it.
     */
    private void decoded(COSDictionary parameters, InputStream raw) throws IOException {
        List<COSName> filters = PdfBounds.filtersOf(parameters.getDictionaryObject(COSName.FILTER, COSName.F));
        byte[] held = null;
        for (int i = 0; i < filters.size(); i++) {
            COSName name = filters.get(i);
            InputStream in = held == null ? raw : new ByteArrayInputStream(held);
            if (CODECS.contains(name)) {
                requireWithin(codecBytes(name, in, parameters));
                return;
            }
            if (FAX.contains(name)) {
                requireWithin(faxBytes(parameters, i));
                return;
            }
            Filter filter;
            try {
                filter = FilterFactory.INSTANCE.getFilter(name);
            } catch (IOException unknown) {
                // PDFBox cannot decode it either.
                return;
            }
            PdfBounds.Sink out = new PdfBounds.Sink(new PdfBounds.Budget(maxImageBytes), i < filters.size() - 1);
            try {
                filter.decode(in, out, parameters, i);
            } catch (PdfBounds.Budget.Spent e) {
                throw e;
            } catch (IOException damaged) {
                // A damaged stream decodes no further for PDFBox either.
                return;
            }
            held = out.held();
        }
    }

    private void requireWithin(long imageBytes) throws PdfBounds.Budget.Spent {
        if (imageBytes > maxImageBytes) {
            throw new PdfBounds.Budget.Spent();
        }
    }

    /** The bytes a codec image decodes to, from the dimensions of its own header; none when no reader knows it. */
    private static long codecBytes(COSName codec, InputStream in, COSDictionary parameters) throws IOException {
        String format =
                codec.equals(COSName.JPX_DECODE) ? "jpeg2000" : codec.equals(COSName.JBIG2_DECODE) ? "jbig2" : "jpeg";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            // Nothing decodes it: PDFBox draws nothing of it.
            return 0;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream header = ImageIO.createImageInputStream(in)) {
            reader.setInput(header, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            long components = codec.equals(COSName.JBIG2_DECODE)
                    ? 1
                    : components(parameters.getDictionaryObject(COSName.COLORSPACE, COSName.CS));
            return pixels * components;
        } catch (IOException | RuntimeException unreadable) {
            // PDFBox cannot read it either.
            return 0;
        } finally {
            reader.dispose();
        }
    }

    /** What PDFBox allocates for a fax image: a byte for every eight columns, for every row. */
    private static long faxBytes(COSDictionary parameters, int index) {
        COSBase all = parameters.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        COSBase own = all instanceof COSArray array && index < array.size() ? array.getObject(index) : all;
        COSDictionary decode = own instanceof COSDictionary dictionary ? dictionary : new COSDictionary();
        long columns = Math.max(number(decode, COSName.COLUMNS, COSName.COLUMNS, 1728), 0);
        long rows = Math.max(
                number(decode, COSName.ROWS, COSName.ROWS, 0), number(parameters, COSName.HEIGHT, COSName.H, 0));
        return (columns + 7) / 8 * Math.max(rows, 0);
    }

    /** A whole number under either name, within the range of an int as PDFBox reads it. */
    private static long number(COSDictionary dictionary, COSName name, COSName abbreviation, long otherwise) {
        return dictionary.getDictionaryObject(name, abbreviation) instanceof COSNumber number
                ? Math.max(Math.min(number.longValue(), Integer.MAX_VALUE), Integer.MIN_VALUE)
                : otherwise;
    }

    /** The object a value names: the values of a dictionary are references as often as not. */
    private static COSBase dereferenced(COSBase value) {
        return value instanceof COSObject reference ? reference.getObject() : value;
    }

    private static Iterable<COSBase> values(COSDictionary resources, COSName kind) {
        if (resources.getDictionaryObject(kind) instanceof COSDictionary named) {
            List<COSBase> values = new ArrayList<>();
            for (COSBase value : named.getValues()) {
                if (value != null) {
                    values.add(dereferenced(value));
                }
            }
            return values;
        }
        return List.of();
    }
}
