package vn.congvan.statistics.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The monthly reports' PDF and workbook. */
@Component
class MonthlyReportBlobs extends BlobColumns {

    MonthlyReportBlobs(JdbcClient jdbc) {
        super(jdbc, "monthly_report.pdf_sha256", "monthly_report.xlsx_sha256");
    }
}
