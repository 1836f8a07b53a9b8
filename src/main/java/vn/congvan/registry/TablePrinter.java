package vn.congvan.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfFonts;
import vn.congvan.registry.report.PdfTable;

/**
 * Prints a titled table as the registers of Appendix IV are printed: a landscape A4 PDF in an
 * embedded Unicode font, or a streamed XLSX sheet, the rows handed over one by one so that a long
 * register never sits in memory. The registry's registers and the handling module's follow-up
 * register print through it.
 */
@Component
public class TablePrinter {

    /** Hands each row of the table to the consumer, in order. */
    public interface Rows {
        void each(Consumer<List<String>> row);
    }

    public void print(
            RegisterFormat format,
            List<String> title,
            List<String> headings,
            List<Integer> widths,
            String pageLabel,
            Rows rows,
            OutputStream out)
            throws IOException {
        if (format == RegisterFormat.PDF) {
            pdf(title, headings, widths, pageLabel, rows, out);
        } else {
            xlsx(title, headings, widths, rows, out);
        }
    }

    private static void pdf(
            List<String> title,
            List<String> headings,
            List<Integer> widths,
            String pageLabel,
            Rows rows,
            OutputStream out)
            throws IOException {
        try (PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            pdf.getDocumentInformation().setTitle(String.join(" - ", title));
            pdf.getDocumentInformation().setCreator("CongVan");
            PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            try (PdfTable table = new PdfTable(
                    pdf, PdfFonts.serif(pdf), PdfFonts.serifBold(pdf), landscape, widths, headings, pageLabel)) {
                table.title(title, 12);
                rows.each(cells -> {
                    try {
                        table.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            pdf.save(out);
        }
    }

    private static void xlsx(
            List<String> title, List<String> headings, List<Integer> widths, Rows rows, OutputStream out)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet("So");
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            int rowIndex = 0;
            for (String line : title) {
                Row row = sheet.createRow(rowIndex);
                row.createCell(0).setCellValue(line);
                row.getCell(0).setCellStyle(bold);
                sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, headings.size() - 1));
                rowIndex++;
            }
            Row heading = sheet.createRow(++rowIndex);
            for (int i = 0; i < headings.size(); i++) {
                heading.createCell(i).setCellValue(headings.get(i));
                heading.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, Math.min(255, widths.get(i) * 3) * 256);
            }
            sheet.createFreezePane(0, rowIndex + 1);
            int[] next = {rowIndex + 1};
            rows.each(cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                    row.getCell(i).setCellStyle(wrap);
                }
            });
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }
}
