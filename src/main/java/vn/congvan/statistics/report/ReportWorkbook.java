package vn.congvan.statistics.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.RankedUnit;
import vn.congvan.statistics.figures.Ranking;
import vn.congvan.statistics.figures.Rate;
import vn.congvan.statistics.figures.UnitFigures;
import vn.congvan.statistics.figures.UnitGroup;

/**
 * The monthly report as a spreadsheet: one sheet per level (agencies, districts, communes), the
 * units in rank order with their counts as numbers and their rates as percentages with one decimal
 * (empty where there was nothing to count), streamed so that two thousand units stay small in memory.
 */
@Component
class ReportWorkbook {

    /** The header row's index: a title, the month and a blank line come first. */
    static final int HEADINGS_ROW = 3;

    static final List<String> COLUMNS = List.of(
            "rank",
            "unit",
            "outgoingElectronic",
            "fullySigned",
            "fullySignedRate",
            "leaderSignedRate",
            "organizationSignedRate",
            "incomingReceived",
            "validSignatureRate",
            "handledRate",
            "onTimeRate",
            "dossiersClosed",
            "dossiersRate",
            "target",
            "previousRank",
            "belowTarget");

    private final MessageSource messages;

    ReportWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(ReportContent.Month report, String issuer, Locale locale, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            for (UnitGroup group : UnitGroup.values()) {
                Ranking ranking = Objects.requireNonNull(report.rankings().get(group), "every group is ranked");
                Sheet sheet = workbook.createSheet(msg(group.messageKey(), locale));
                text(sheet.createRow(0), 0, msg("statistics.report.title", locale), bold);
                text(sheet.createRow(1), 0, msg("statistics.report.subtitle", locale, month(report), issuer), null);
                Row headings = sheet.createRow(HEADINGS_ROW);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    text(headings, c, msg("statistics.report.col." + COLUMNS.get(c), locale), bold);
                }
                int r = HEADINGS_ROW + 1;
                for (RankedUnit unit : ranking.units()) {
                    line(sheet.createRow(r++), unit, locale);
                }
                sheet.setColumnWidth(1, 45 * 256);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private void line(Row row, RankedUnit ranked, Locale locale) {
        UnitFigures f = ranked.figures();
        row.createCell(0).setCellValue(ranked.rank());
        row.createCell(1).setCellValue(f.unitName());
        row.createCell(2).setCellValue(f.count(Metric.OUTGOING_ELECTRONIC));
        row.createCell(3).setCellValue(f.count(Metric.OUTGOING_FULLY_SIGNED));
        rate(row, 4, f.rate(Metric.OUTGOING_FULLY_SIGNED));
        rate(row, 5, f.rate(Metric.OUTGOING_LEADER_SIGNED));
        rate(row, 6, f.rate(Metric.OUTGOING_ORGANIZATION_SIGNED));
        row.createCell(7).setCellValue(f.count(Metric.INCOMING_RECEIVED));
        rate(row, 8, f.rate(Metric.INCOMING_VALID_SIGNATURE));
        rate(row, 9, f.rate(Metric.INCOMING_HANDLED));
        rate(row, 10, f.rate(Metric.INCOMING_ON_TIME));
        row.createCell(11).setCellValue(f.count(Metric.DOSSIERS_CLOSED));
        rate(row, 12, f.rate(Metric.DOSSIERS_IN_SOFTWARE));
        row.createCell(13).setCellValue(f.targets().level());
        if (ranked.previousRank() != null) {
            row.createCell(14).setCellValue(ranked.previousRank());
        }
        List<Metric> shortfalls = ReportContent.shortfalls(f);
        text(
                row,
                15,
                String.join(
                        "; ",
                        shortfalls.stream()
                                .map(m -> msg(m.messageKey(), locale))
                                .toList()),
                null);
    }

    private static void rate(Row row, int column, Rate rate) {
        if (rate.defined()) {
            row.createCell(column).setCellValue(rate.percent().doubleValue());
        }
    }

    private static void text(Row row, int column, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static String month(ReportContent.Month report) {
        return String.format(
                "%02d/%d", report.month().getMonthValue(), report.month().getYear());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
