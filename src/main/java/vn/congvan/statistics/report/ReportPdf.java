package vn.congvan.statistics.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditCheckpoint;
import vn.congvan.platform.PdfFonts;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.RankedUnit;
import vn.congvan.statistics.figures.Ranking;
import vn.congvan.statistics.figures.Rate;
import vn.congvan.statistics.figures.RateColour;
import vn.congvan.statistics.figures.UnitFigures;
import vn.congvan.statistics.figures.UnitGroup;

/**
 * The monthly report as a PDF for the Chairman, in the embedded Unicode font: a cover with the
 * installation's twelve-month trend (bars of documents carrying both signatures, a line of dossiers
 * processed in the software, the provincial target dashed), then each level's units in rank order as
 * bars of their rates coloured against their targets, the target marked on every bar. The top right
 * of page 1 is left free for the IT centre's organization signature.
 */
@Component
class ReportPdf {

    static final int BARS_PER_PAGE = 32;

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = 50;
    private static final float NAME_WIDTH = 210;
    private static final float BAR_LEFT = LEFT + 30 + NAME_WIDTH;
    private static final float BAR_WIDTH = 200;
    private static final float ROW = 20;
    private static final Color GREEN = new Color(46, 139, 87);
    private static final Color AMBER = new Color(230, 160, 30);
    private static final Color RED = new Color(200, 40, 40);
    private static final Color GREY = new Color(170, 170, 170);
    private static final Color INK = Color.BLACK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter STAMPED =
            DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private final MessageSource messages;

    ReportPdf(MessageSource messages) {
        this.messages = messages;
    }

    void write(
            ReportContent.Month report,
            String issuer,
            int provinceTarget,
            LocalDate generatedOn,
            Optional<AuditCheckpoint> auditHead,
            Locale locale,
            OutputStream out) {
        try (PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            pdf.getDocumentInformation()
                    .setTitle(msg("statistics.report.title", locale) + " " + ReportWorkbook.month(report));
            pdf.getDocumentInformation().setAuthor(issuer);
            pdf.getDocumentInformation().setCreator("CongVan");
            Fonts fonts = new Fonts(PdfFonts.serif(pdf), PdfFonts.serifBold(pdf));
            cover(pdf, fonts, report, issuer, provinceTarget, generatedOn, auditHead, locale);
            for (UnitGroup group : UnitGroup.values()) {
                bars(pdf, fonts, Objects.requireNonNull(report.rankings().get(group), "every group is ranked"), locale);
            }
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {}

    private void cover(
            PDDocument pdf,
            Fonts fonts,
            ReportContent.Month report,
            String issuer,
            int provinceTarget,
            LocalDate generatedOn,
            Optional<AuditCheckpoint> auditHead,
            Locale locale)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
            // The signature's text takes the top right corner: the heading starts below it.
            float y = HEIGHT - 110;
            text(c, fonts.bold(), 11, LEFT, y, issuer.toUpperCase(new Locale("vi")));
            y -= 40;
            String title = msg("statistics.report.title", locale);
            // The title is one line: smaller when the language makes it longer than the page.
            float titleSize =
                    Math.min(14, 14 * (WIDTH - 2 * LEFT) / (fonts.bold().getStringWidth(title) / 1000 * 14));
            centred(c, fonts.bold(), titleSize, y, title);
            y -= 20;
            centred(
                    c,
                    fonts.regular(),
                    12,
                    y,
                    msg("statistics.report.subtitle", locale, ReportWorkbook.month(report), issuer));
            y -= 30;
            text(
                    c,
                    fonts.regular(),
                    10,
                    LEFT,
                    y,
                    msg(
                            "statistics.report.summary",
                            locale,
                            report.unitsRanked(),
                            report.belowTarget().size(),
                            DAY.format(generatedOn)));
            y -= 40;
            text(c, fonts.bold(), 11, LEFT, y, msg("statistics.report.trend", locale, provinceTarget));
            trend(c, fonts, report.trend(), provinceTarget, y - 250, 220, locale);
            auditHead(c, fonts, auditHead, locale);
        }
    }

    /**
     * The audit chain's head as the time-stamping authority vouched for it when the report was made:
     * sealed with the report, a copy of it that no rewrite of the database reaches.
     */
    private void auditHead(PDPageContentStream c, Fonts fonts, Optional<AuditCheckpoint> head, Locale locale)
            throws IOException {
        float y = 150;
        text(c, fonts.bold(), 9, LEFT, y, msg("statistics.report.audit.heading", locale));
        if (head.isEmpty()) {
            text(c, fonts.regular(), 8, LEFT, y - 14, msg("statistics.report.audit.none", locale));
            return;
        }
        text(
                c,
                fonts.regular(),
                8,
                LEFT,
                y - 14,
                msg(
                        "statistics.report.audit.head",
                        locale,
                        Long.toString(head.get().seq()),
                        STAMPED.format(head.get().stampedAt())));
        text(
                c,
                fonts.regular(),
                8,
                LEFT,
                y - 26,
                msg("statistics.report.audit.hash", locale, head.get().hash()));
    }

    /** Bars of the fully signed share per month, a line of the dossiers' share, the target dashed. */
    private void trend(
            PDPageContentStream c,
            Fonts fonts,
            List<ReportContent.TrendPoint> points,
            int target,
            float bottom,
            float height,
            Locale locale)
            throws IOException {
        float left = LEFT + 30;
        float width = WIDTH - left - LEFT;
        float step = width / points.size();
        c.setStrokingColor(INK);
        c.setLineWidth(0.5f);
        c.moveTo(left, bottom);
        c.lineTo(left + width, bottom);
        c.moveTo(left, bottom);
        c.lineTo(left, bottom + height);
        c.stroke();
        for (int percent = 0; percent <= 100; percent += 25) {
            text(c, fonts.regular(), 7, LEFT, bottom + height * percent / 100f - 2, percent + "%");
        }
        float previousX = -1;
        float previousY = -1;
        for (int i = 0; i < points.size(); i++) {
            ReportContent.TrendPoint p = points.get(i);
            float x = left + i * step;
            Rate signed = new Rate(p.fullySigned(), p.electronic());
            if (signed.defined()) {
                float h = height * signed.percent().floatValue() / 100f;
                fill(c, signed.reaches(target) ? GREEN : RED, x + step * 0.2f, bottom, step * 0.6f, h);
                text(c, fonts.regular(), 6, x + step * 0.2f, bottom + h + 2, percent(signed, locale));
            }
            text(
                    c,
                    fonts.regular(),
                    7,
                    x + step * 0.15f,
                    bottom - 10,
                    String.format(
                            "%02d/%02d", p.month().getMonthValue(), p.month().getYear() % 100));
            Rate dossiers = new Rate(p.dossiersInSoftware(), p.dossiersClosed());
            if (dossiers.defined()) {
                float cx = x + step / 2;
                float cy = bottom + height * dossiers.percent().floatValue() / 100f;
                c.setStrokingColor(Color.BLUE);
                c.setLineWidth(1.2f);
                if (previousX >= 0) {
                    c.moveTo(previousX, previousY);
                    c.lineTo(cx, cy);
                    c.stroke();
                }
                previousX = cx;
                previousY = cy;
            }
        }
        c.setStrokingColor(INK);
        c.setLineWidth(0.8f);
        c.setLineDashPattern(new float[] {4, 3}, 0);
        float targetY = bottom + height * target / 100f;
        c.moveTo(left, targetY);
        c.lineTo(left + width, targetY);
        c.stroke();
        c.setLineDashPattern(new float[] {}, 0);
        float legend = bottom - 30;
        fill(c, GREEN, left, legend, 8, 8);
        text(c, fonts.regular(), 8, left + 12, legend, msg("statistics.report.legend.signed", locale));
        c.setStrokingColor(Color.BLUE);
        c.moveTo(left + 230, legend + 4);
        c.lineTo(left + 250, legend + 4);
        c.stroke();
        text(c, fonts.regular(), 8, left + 255, legend, msg("statistics.report.legend.dossiers", locale));
    }

    /** One level's units, best first, a page per {@link #BARS_PER_PAGE}. */
    private void bars(PDDocument pdf, Fonts fonts, Ranking ranking, Locale locale) throws IOException {
        List<RankedUnit> units = ranking.units();
        int pages = Math.max(1, (units.size() + BARS_PER_PAGE - 1) / BARS_PER_PAGE);
        for (int p = 0; p < pages; p++) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
                float y = HEIGHT - 60;
                text(
                        c,
                        fonts.bold(),
                        12,
                        LEFT,
                        y,
                        msg(
                                "statistics.report.level",
                                locale,
                                msg(ranking.group().messageKey(), locale),
                                msg(ReportContent.RANKED_BY.messageKey(), locale),
                                p + 1,
                                pages));
                y -= 30;
                List<RankedUnit> slice =
                        units.subList(p * BARS_PER_PAGE, Math.min(units.size(), (p + 1) * BARS_PER_PAGE));
                if (slice.isEmpty()) {
                    text(c, fonts.regular(), 10, LEFT, y, msg("statistics.report.no-units", locale));
                }
                for (RankedUnit unit : slice) {
                    bar(c, fonts, unit, y, locale);
                    y -= ROW;
                }
            }
        }
    }

    /**
     * A unit's row: its rank and name, then two bars each with its target marked: the ranked share
     * (outgoing documents with both signatures), and under it, thinner, incoming documents handled in
     * the software.
     */
    private void bar(PDPageContentStream c, Fonts fonts, RankedUnit unit, float y, Locale locale) throws IOException {
        text(c, fonts.regular(), 9, LEFT, y, Integer.toString(unit.rank()));
        text(
                c,
                fonts.regular(),
                9,
                LEFT + 30,
                y,
                fit(fonts.regular(), 9, unit.figures().unitName(), NAME_WIDTH - 6));
        share(c, fonts, unit.figures(), ReportContent.RANKED_BY, y + 1, 9, locale);
        share(c, fonts, unit.figures(), Metric.INCOMING_HANDLED, y - 5, 4, locale);
    }

    private void share(
            PDPageContentStream c,
            Fonts fonts,
            UnitFigures figures,
            Metric metric,
            float y,
            float height,
            Locale locale)
            throws IOException {
        c.setStrokingColor(GREY);
        c.setLineWidth(0.5f);
        c.addRect(BAR_LEFT, y, BAR_WIDTH, height);
        c.stroke();
        Rate rate = figures.rate(metric);
        boolean ranked = metric == ReportContent.RANKED_BY;
        if (rate.defined()) {
            fill(
                    c,
                    colour(figures.colour(metric)),
                    BAR_LEFT,
                    y,
                    BAR_WIDTH * rate.percent().floatValue() / 100f,
                    height);
            text(
                    c,
                    fonts.regular(),
                    ranked ? 9 : 6,
                    BAR_LEFT + BAR_WIDTH + 6,
                    y + (ranked ? 1 : -1),
                    percent(rate, locale) + "  (" + rate.count() + "/" + rate.base() + ")");
        } else if (ranked) {
            text(c, fonts.regular(), 9, BAR_LEFT + BAR_WIDTH + 6, y + 1, msg("statistics.report.no-documents", locale));
        }
        OptionalInt target = figures.target(metric);
        if (target.isPresent()) {
            float x = BAR_LEFT + BAR_WIDTH * target.getAsInt() / 100f;
            c.setStrokingColor(INK);
            c.setLineWidth(1.2f);
            c.moveTo(x, y - 1);
            c.lineTo(x, y + height + 1);
            c.stroke();
        }
    }

    private static Color colour(RateColour colour) {
        return switch (colour) {
            case GREEN -> GREEN;
            case AMBER -> AMBER;
            case RED -> RED;
            case GREY -> GREY;
        };
    }

    static String percent(Rate rate, Locale locale) {
        String text = rate.percent().toPlainString() + "%";
        return "vi".equals(locale.getLanguage()) ? text.replace('.', ',') : text;
    }

    private static String fit(PDFont font, float size, String text, float width) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static void fill(PDPageContentStream c, Color colour, float x, float y, float w, float h)
            throws IOException {
        c.setNonStrokingColor(colour);
        c.addRect(x, y, w, h);
        c.fill();
        c.setNonStrokingColor(INK);
    }

    private static void text(PDPageContentStream c, PDFont font, float size, float x, float y, String text)
            throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(text);
        c.endText();
    }

    private static void centred(PDPageContentStream c, PDFont font, float size, float y, String text)
            throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        text(c, font, size, (WIDTH - width) / 2, y, text);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
