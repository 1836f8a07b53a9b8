package vn.congvan.statistics.usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.storage.Download;

/**
 * The usage scores as a spreadsheet for the training plan: a title, the period and the formula,
 * then one row per official with the counts as numbers (so that the district can sort and sum).
 */
@Component
class UsageWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final List<String> COLUMNS = List.of(
            "rankInUnit",
            "rankInDistrict",
            "fullName",
            "unit",
            "registered",
            "assigned",
            "onTime",
            "drafts",
            "signatures",
            "returns",
            "score");

    private final MessageSource messages;

    UsageWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /** The spreadsheet as the API and the page serve it: a download named after its days. */
    ResponseEntity<Resource> download(UsageReport report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, locale, out);
        return Download.export(
                        "diem-su-dung-" + report.from() + "-" + report.to() + ".xlsx",
                        MediaType.parseMediaType(RegisterFormat.XLSX.contentType()))
                .body(new ByteArrayResource(out.toByteArray()));
    }

    void write(UsageReport report, Locale locale, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(msg("statistics.usage.sheet", locale));
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(msg("statistics.usage.title", locale, report.unitName()));
            title.getCell(0).setCellStyle(bold);
            sheet.createRow(1)
                    .createCell(0)
                    .setCellValue(
                            msg("statistics.usage.period", locale, DAY.format(report.from()), DAY.format(report.to())));
            sheet.createRow(2).createCell(0).setCellValue(msg("statistics.usage.formula", locale, report.formula()));
            Row headings = sheet.createRow(4);
            for (int c = 0; c < COLUMNS.size(); c++) {
                headings.createCell(c).setCellValue(msg("statistics.usage.col." + COLUMNS.get(c), locale));
                headings.getCell(c).setCellStyle(bold);
            }
            int r = 5;
            for (UsageRow official : report.officials()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(official.rankInUnit());
                if (official.rankInDistrict() != null) {
                    row.createCell(1).setCellValue(official.rankInDistrict());
                }
                row.createCell(2).setCellValue(official.fullName());
                row.createCell(3).setCellValue(official.unitName());
                row.createCell(4).setCellValue(official.registered());
                row.createCell(5).setCellValue(official.assigned());
                row.createCell(6).setCellValue(official.onTime());
                row.createCell(7).setCellValue(official.drafts());
                row.createCell(8).setCellValue(official.signatures());
                row.createCell(9).setCellValue(official.returns());
                row.createCell(10).setCellValue(official.score().doubleValue());
            }
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(3, 40 * 256);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
