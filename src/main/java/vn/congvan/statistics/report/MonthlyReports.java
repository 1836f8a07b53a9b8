package vn.congvan.statistics.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditCheckpoint;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.Seals;
import vn.congvan.statistics.StatisticsAuditAction;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.StatisticsScope;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Makes, keeps and serves the monthly reports. A month is made once: whoever first claims its row
 * (the scheduled run of any node, or a request) makes it, others find it made or being made. The
 * files are written and the PDF sealed outside any transaction; the row, the reminders of the units
 * below target and the audit record are then written in one.
 */
@Service
class MonthlyReports {

    /** A claim older than this belongs to a generation that died: another may take it over. */
    static final Duration ABANDONED = Duration.ofMinutes(30);

    /**
     * Key of the advisory lock that lines up the claims of a month, by a request or the scheduled run
     * of any node ("report" in ASCII). A lock with one key, so apart from every cluster job's
     * ({@link vn.congvan.platform.ClusterJobs}).
     */
    static final long CLAIM_LOCK = 0x7265706f7274L;

    static final String SUBJECT = "monthly-report";

    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String COLUMNS = "r.id, r.month, r.state, u.name as issuer, r.generated_at, r.units_ranked, "
            + "r.units_below_target, r.reminders_sent, r.pdf_size, r.xlsx_size, r.pdf_sha256, r.xlsx_sha256";

    private final JdbcClient jdbc;
    private final ReportContent content;
    private final ReportWorkbook workbook;
    private final ReportPdf pdf;
    private final ReportUnit reportUnit;
    private final Seals seals;
    private final Blobs blobs;
    private final BelowTargetReminders reminders;
    private final Statistics statistics;
    private final StatisticsScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MonthlyReports(
            JdbcClient jdbc,
            ReportContent content,
            ReportWorkbook workbook,
            ReportPdf pdf,
            ReportUnit reportUnit,
            Seals seals,
            Blobs blobs,
            BelowTargetReminders reminders,
            Statistics statistics,
            StatisticsScope scope,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.content = content;
        this.workbook = workbook;
        this.pdf = pdf;
        this.reportUnit = reportUnit;
        this.seals = seals;
        this.blobs = blobs;
        this.reminders = reminders;
        this.statistics = statistics;
        this.scope = scope;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether a generation made the report, or found it made or being made by someone else. */
    record Outcome(MonthlyReportView report, boolean madeNow) {}

    /**
     * Makes the report of a month that has ended, on request of the provincial monitor or the
     * administrator; a month already made (or being made) is not made again.
     */
    Outcome generate(Official official, YearMonth month) {
        if (!official.isProvincialMonitor() && !official.isAdministrator()) {
            throw DomainException.forbidden("statistics.report.not-allowed");
        }
        YearMonth current = YearMonth.now(clock.withZone(VietnamTime.ZONE));
        if (!month.isBefore(current)) {
            throw DomainException.invalid("statistics.report.month-not-over", month.toString());
        }
        return generate(month, official);
    }

    /** The scheduled run: the month before this one, unless it is made already. */
    Optional<Outcome> generateDue() {
        YearMonth previous = YearMonth.now(clock.withZone(VietnamTime.ZONE)).minusMonths(1);
        if (find(previous).map(r -> r.state().equals("READY")).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(generate(previous, null));
    }

    private Outcome generate(YearMonth month, @Nullable Official requester) {
        UnitView issuer = reportUnit.resolve();
        if (!seals.serverHoldsSealOf(issuer.id())) {
            throw DomainException.conflict("statistics.report.no-seal", issuer.name());
        }
        @Nullable UUID requestedBy = requester == null ? null : requester.personId();
        Optional<UUID> claimed = transaction.execute(status -> claim(month, requestedBy));
        if (claimed.isEmpty()) {
            MonthlyReportView other = find(month)
                    .filter(r -> r.state().equals("READY"))
                    .orElseThrow(() -> DomainException.conflict("statistics.report.generating", month.toString()));
            return new Outcome(other, false);
        }
        UUID id = claimed.get();
        try {
            return new Outcome(make(id, month, issuer, requester), true);
        } catch (RuntimeException e) {
            // Frees the month for the next attempt rather than leaving it claimed for half an hour.
            jdbc.sql("delete from monthly_report where id = ? and state = 'GENERATING'")
                    .param(id)
                    .update();
            throw e;
        }
    }

    /**
     * Claims the month's row, a new one or one abandoned by a generation that died, one node at a
     * time (a database lock held to the end of the claim's transaction); empty when another has it.
     */
    private Optional<UUID> claim(YearMonth month, @Nullable UUID requestedBy) {
        boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(CLAIM_LOCK)
                .query(Boolean.class)
                .single());
        if (!mine) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into monthly_report (id, month, state, claimed_at, requested_by)
                        values (?, ?, 'GENERATING', ?, ?) on conflict (month) do nothing""")
                .params(id, month.atDay(1), Timestamp.from(now), requestedBy)
                .update();
        if (inserted == 1) {
            return Optional.of(id);
        }
        return jdbc.sql("""
                        update monthly_report set claimed_at = ?, requested_by = ?
                        where month = ? and state = 'GENERATING' and claimed_at < ? returning id""")
                .params(Timestamp.from(now), requestedBy, month.atDay(1), Timestamp.from(now.minus(ABANDONED)))
                .query(UUID.class)
                .optional();
    }

    private MonthlyReportView make(UUID id, YearMonth month, UnitView issuer, @Nullable Official requester) {
        long started = System.nanoTime();
        ReportContent.Month report = content.of(month);
        long read = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        int provinceTarget = statistics.targets(UnitLevel.PROVINCE).level();
        Path xlsxFile = temporary(".xlsx");
        Path unsigned = temporary(".pdf");
        Path sealed = temporary(".pdf");
        try {
            write(xlsxFile, out -> workbook.write(report, issuer.name(), VIETNAMESE, out));
            Optional<AuditCheckpoint> auditHead = audit.checkpoint();
            write(unsigned, out -> pdf.write(report, issuer.name(), provinceTarget, today, auditHead, VIETNAMESE, out));
            long written = System.nanoTime();
            seals.sealFile(
                    issuer.id(),
                    unsigned,
                    sealed,
                    "Báo cáo kết quả ứng dụng phần mềm quản lý văn bản tháng " + ReportWorkbook.month(report),
                    SUBJECT,
                    id.toString());
            long signed = System.nanoTime();
            StoredBlob xlsx = store(xlsxFile);
            StoredBlob signedPdf = store(sealed);
            MonthlyReportView view = transaction.execute(status -> {
                int told = reminders.remind(report);
                int below = report.belowTarget().size();
                jdbc.sql("""
                                update monthly_report set state = 'READY', report_unit_id = ?, xlsx_sha256 = ?,
                                  xlsx_size = ?, pdf_sha256 = ?, pdf_size = ?, units_ranked = ?, units_below_target = ?,
                                  reminders_sent = ?, generated_at = ?
                                where id = ?""")
                        .params(
                                issuer.id(),
                                xlsx.sha256(),
                                xlsx.size(),
                                signedPdf.sha256(),
                                signedPdf.size(),
                                report.unitsRanked(),
                                below,
                                told,
                                Timestamp.from(clock.instant()),
                                id)
                        .update();
                Map<String, String> details = Map.of(
                        "month", month.toString(),
                        "pdf", signedPdf.sha256(),
                        "xlsx", xlsx.sha256(),
                        "unitsRanked", Integer.toString(report.unitsRanked()),
                        "unitsBelowTarget", Integer.toString(below),
                        "reminders", Integer.toString(told));
                StatisticsAuditAction generated = StatisticsAuditAction.REPORT_GENERATED;
                audit.record(
                        requester == null
                                ? new AuditEntry(
                                        generated, SUBJECT, id.toString(), issuer.id(), null, "CongVan", details)
                                : AuditEntry.by(requester, generated, SUBJECT, id.toString(), issuer.id(), details));
                return find(month).orElseThrow();
            });
            log.info(
                    "Monthly report {} made in {} ms (figures {} ms, files {} ms, seal {} ms): {} units ranked, {} below"
                            + " target",
                    month,
                    (System.nanoTime() - started) / 1_000_000,
                    (read - started) / 1_000_000,
                    (written - read) / 1_000_000,
                    (signed - written) / 1_000_000,
                    report.unitsRanked(),
                    report.belowTarget().size());
            return view;
        } finally {
            delete(xlsxFile);
            delete(unsigned);
            delete(sealed);
        }
    }

    /** The reports made, the latest month first, for those who see the whole province. */
    List<MonthlyReportView> list(Official official) {
        requireReader(official);
        return jdbc.sql("select " + COLUMNS
                        + " from monthly_report r left join directory_units u on u.id = r.report_unit_id "
                        + "order by r.month desc")
                .query(MonthlyReports::view)
                .list();
    }

    /** Writes the month's file; a month not made (or not finished) is not found. */
    void download(Official official, YearMonth month, RegisterFormat format, OutputStream out) {
        requireReader(official);
        String column = format == RegisterFormat.PDF ? "pdf_sha256" : "xlsx_sha256";
        String sha256 = jdbc.sql("select " + column + " from monthly_report where month = ? and state = 'READY'")
                .param(month.atDay(1))
                .query(String.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("statistics.report.not-found", month.toString()));
        try (InputStream in = blobs.open(sha256)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireReader(Official official) {
        if (!scope.seesProvince(official)) {
            throw DomainException.forbidden("statistics.report.not-allowed");
        }
    }

    private Optional<MonthlyReportView> find(YearMonth month) {
        return jdbc.sql("select " + COLUMNS
                        + " from monthly_report r left join directory_units u on u.id = r.report_unit_id "
                        + "where r.month = ?")
                .param(month.atDay(1))
                .query(MonthlyReports::view)
                .optional();
    }

    private static MonthlyReportView view(ResultSet rs, int n) throws SQLException {
        Timestamp generated = rs.getTimestamp("generated_at");
        return new MonthlyReportView(
                rs.getObject("id", UUID.class),
                YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getString("state"),
                rs.getString("issuer"),
                generated == null
                        ? null
                        : generated.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                rs.getObject("units_ranked", Integer.class),
                rs.getObject("units_below_target", Integer.class),
                rs.getObject("reminders_sent", Integer.class),
                rs.getObject("pdf_size", Long.class),
                rs.getObject("xlsx_size", Long.class));
    }

    private interface Writer {
        void to(OutputStream out) throws IOException;
    }

    private static void write(Path file, Writer writer) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredBlob store(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.store(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporary(String suffix) {
        try {
            return Files.createTempFile("congvan-report-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file holds a copy of a report the storage keeps anyway.
        }
    }
}
