package vn.congvan.registry.dossier;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfFonts;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.report.PdfTable;

/**
 * The cover of an exported dossier (bìa hồ sơ): the unit, the title, the file code, dates and
 * retention, then the table of contents (mục lục văn bản) in the dossier's order.
 */
@Component
class DossierCover {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<Integer> COLUMN_SHARES = List.of(6, 17, 11, 54, 8);
    private static final List<String> COLUMN_KEYS = List.of(
            "registry.dossier.cover.col.ordinal",
            "registry.dossier.cover.col.notation",
            "registry.dossier.cover.col.date",
            "registry.dossier.cover.col.typeAndSubject",
            "registry.dossier.cover.col.pages");

    private final MessageSource messages;

    DossierCover(MessageSource messages) {
        this.messages = messages;
    }

    /** Writes the cover; the documents numbered in {@code leftOut} are marked as not in the PDF. */
    void write(DossierPackage pack, Path target, Set<Integer> leftOut) throws IOException {
        DossierView d = pack.dossier();
        Locale locale = pack.locale();
        try (PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            pdf.getDocumentInformation().setTitle(d.title());
            pdf.getDocumentInformation().setCreator("CongVan");
            List<String> headings =
                    COLUMN_KEYS.stream().map(key -> msg(key, locale)).toList();
            try (PdfTable table = new PdfTable(
                    pdf,
                    PdfFonts.serif(pdf),
                    PdfFonts.serifBold(pdf),
                    PDRectangle.A4,
                    COLUMN_SHARES,
                    headings,
                    msg("registry.register.page", locale))) {
                table.centred(List.of(d.unitName().toUpperCase(Locale.forLanguageTag("vi"))), 12, true);
                table.gap(36);
                table.centred(List.of(msg("registry.dossier.cover.heading", locale)), 20, true);
                table.centred(List.of(d.title()), 14, true);
                table.gap(12);
                table.centred(facts(d, locale), 11, false);
                table.gap(24);
                table.title(List.of(msg("registry.dossier.cover.contents", locale)), 12);
                for (DossierPackage.Packed packed : pack.documents()) {
                    table.row(row(
                            packed,
                            leftOut.contains(packed.ordinal())
                                    ? " " + msg("registry.dossier.cover.left-out", locale)
                                    : ""));
                }
            }
            pdf.save(target.toFile());
        }
    }

    private List<String> facts(DossierView d, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(msg("registry.dossier.cover.fileCode", locale, d.fileCode()));
        lines.add(msg("registry.dossier.cover.period", locale, day(d.startDate()), day(d.endDate())));
        lines.add(msg("registry.dossier.cover.maintenance", locale, d.maintenance()));
        lines.add(msg("registry.dossier.cover.totals", locale, d.docTotal(), d.pageTotal()));
        return lines;
    }

    private static List<String> row(DossierPackage.Packed packed, String note) {
        DocumentView doc = packed.filed().document();
        Integer pages = packed.filed().pages();
        return List.of(
                Integer.toString(packed.ordinal()),
                doc.notation() == null ? "" : doc.notation(),
                day(doc.metadata().issuedDate()),
                doc.metadata().typeName() + " - " + packed.subject() + note,
                pages == null ? "" : pages.toString());
    }

    private static String day(@Nullable LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    private String msg(String key, Locale locale, Object... args) {
        // Never null: a default message is given.
        return Objects.requireNonNull(messages.getMessage(key, args, key, locale));
    }
}
