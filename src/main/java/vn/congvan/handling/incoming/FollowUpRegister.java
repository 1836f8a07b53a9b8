package vn.congvan.handling.incoming;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.directory.Directory;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.registry.TablePrinter;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * The follow-up register of incoming documents (sổ theo dõi giải quyết văn bản đến, Decree 30
 * Appendix IV) of a unit for a period, in PDF or XLSX, and the handling report of the same period.
 * For the unit's clerk, leaders and division heads, and the administrator.
 */
@Component
public class FollowUpRegister {

    static final long MAX_DAYS = 366 * 5;
    static final List<String> COLUMNS =
            List.of("arrivalNumber", "document", "handler", "deadline", "progress", "reply", "note");
    static final List<Integer> WIDTHS = List.of(6, 30, 16, 9, 20, 11, 10);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String IN_PERIOD = """
            d.unit_id = ? and d.is_incoming
              and (d.arrival_date at time zone 'Asia/Ho_Chi_Minh')::date between ? and ?""";

    private final JdbcClient jdbc;
    private final TablePrinter printer;
    private final Directory directory;
    private final MessageSource messages;
    private final WorkingCalendar calendar;

    FollowUpRegister(
            JdbcClient jdbc,
            TablePrinter printer,
            Directory directory,
            MessageSource messages,
            WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.printer = printer;
        this.directory = directory;
        this.messages = messages;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public void write(
            Official official,
            UUID unitId,
            LocalDate from,
            LocalDate to,
            RegisterFormat format,
            Locale locale,
            OutputStream out) {
        check(official, unitId, from, to);
        List<String> title = List.of(
                directory.unit(unitId).name().toUpperCase(new Locale("vi")),
                msg("handling.followup.title", locale),
                msg("registry.register.period", locale, DAY.format(from), DAY.format(to)));
        List<String> headings = COLUMNS.stream()
                .map(c -> msg("handling.followup.col." + c, locale))
                .toList();
        String secret = "(" + msg("registry.confidentiality.SECRET", locale) + ")";
        try {
            printer.print(
                    format,
                    title,
                    headings,
                    WIDTHS,
                    msg("registry.register.page", locale),
                    row -> {
                        try (Stream<List<String>> rows = rows(unitId, from, to, secret, locale)) {
                            rows.forEach(row);
                        }
                    },
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public HandlingReport report(Official official, UUID unitId, LocalDate from, LocalDate to) {
        check(official, unitId, from, to);
        LocalDate today = calendar.today();
        return jdbc.sql("""
                        select count(*) as arrived,
                          count(*) filter (where coalesce(c.state, 'REGISTERED') in ('REGISTERED', 'PRESENTED', 'RETURNED')) as waiting,
                          count(*) filter (where c.state in ('ASSIGNED', 'IN_PROGRESS')) as in_hand,
                          count(*) filter (where c.state = 'DONE') as done,
                          count(*) filter (where c.state = 'DONE' and (c.deadline is null
                            or (c.completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= c.deadline)) as on_time,
                          count(*) filter (where c.state = 'DONE'
                            and (c.completed_at at time zone 'Asia/Ho_Chi_Minh')::date > c.deadline) as late,
                          count(*) filter (where c.state in ('ASSIGNED', 'IN_PROGRESS') and c.deadline < ?) as overdue,
                          count(*) filter (where c.state = 'REFUSED') as refused
                        from registry_document_facts d left join handling_case c on c.document_id = d.id
                        where not d.is_revoked and """ + " " + IN_PERIOD)
                .params(today, unitId, from, to)
                .query((rs, n) -> new HandlingReport(
                        unitId,
                        from,
                        to,
                        rs.getLong("arrived"),
                        rs.getLong("waiting"),
                        rs.getLong("in_hand"),
                        rs.getLong("done"),
                        rs.getLong("on_time"),
                        rs.getLong("late"),
                        rs.getLong("overdue"),
                        rs.getLong("refused")))
                .single();
    }

    private Stream<List<String>> rows(UUID unitId, LocalDate from, LocalDate to, String secret, Locale locale) {
        return jdbc
                .sql("""
                        select d.arrival_number, d.type_name, d.code_number, d.code_notation, d.issued_date, d.organ_name,
                          d.subject, d.is_confidential, d.is_revoked, coalesce(c.state, 'REGISTERED') as state,
                          c.deadline,
                          c.progress_note, c.completed_at, c.refused_reason, lead.full_name as lead_name,
                          (select string_agg(p.full_name, ', ' order by p.full_name) from handling_participant hp
                             join directory_people p on p.id = hp.person_id
                           where hp.document_id = d.id and hp.part = 'COOPERATING') as cooperating,
                          r.code_number as reply_number, r.code_notation as reply_notation
                        from registry_document_facts d left join handling_case c on c.document_id = d.id
                          left join directory_people lead on lead.id = c.lead_id
                          left join registry_document_facts r on r.id = c.reply_document_id
                        where""" + " " + IN_PERIOD + " order by d.register_year, d.number")
                .params(unitId, from, to)
                .withFetchSize(500)
                .query((rs, n) -> {
                    List<String> cells = new ArrayList<>();
                    CaseState state = CaseState.valueOf(rs.getString("state"));
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    cells.add(String.valueOf(rs.getInt("arrival_number")));
                    String subject = rs.getBoolean("is_confidential") ? secret : rs.getString("subject");
                    cells.add(String.join(
                                    ", ",
                                    rs.getString("type_name"),
                                    String.valueOf(DocumentView.notationOf(
                                            rs.getString("code_number"), rs.getString("code_notation"))),
                                    DAY.format(rs.getObject("issued_date", LocalDate.class)),
                                    rs.getString("organ_name"))
                            + " — " + subject);
                    String lead = rs.getString("lead_name");
                    String cooperating = rs.getString("cooperating");
                    cells.add((lead == null ? "" : lead) + (cooperating == null ? "" : " (" + cooperating + ")"));
                    cells.add(deadline == null ? "" : DAY.format(deadline));
                    String note = rs.getString("progress_note");
                    cells.add(msg(state.messageKey(), locale) + (note == null ? "" : ": " + note));
                    String reply =
                            DocumentView.notationOf(rs.getString("reply_number"), rs.getString("reply_notation"));
                    cells.add(reply == null ? "" : reply);
                    cells.add(note(
                            state,
                            deadline,
                            rs.getTimestamp("completed_at"),
                            rs.getString("refused_reason"),
                            rs.getBoolean("is_revoked"),
                            locale));
                    return cells;
                })
                .stream();
    }

    private String note(
            CaseState state,
            LocalDate deadline,
            java.sql.Timestamp completedAt,
            String refusedReason,
            boolean revoked,
            Locale locale) {
        if (revoked) {
            return msg("registry.status.REVOKED", locale);
        }
        if (state == CaseState.REFUSED) {
            return String.valueOf(refusedReason);
        }
        if (deadline == null) {
            return "";
        }
        LocalDate doneOn = completedAt == null
                ? null
                : completedAt
                        .toInstant()
                        .atZone(vn.congvan.shared.VietnamTime.ZONE)
                        .toLocalDate();
        if (state == CaseState.DONE) {
            boolean late = Objects.requireNonNull(doneOn, "a case done has its completion time")
                    .isAfter(deadline);
            return msg(late ? "handling.followup.late" : "handling.followup.onTime", locale);
        }
        return deadline.isBefore(calendar.today()) ? msg("handling.followup.overdue", locale) : "";
    }

    private void check(Official official, UUID unitId, LocalDate from, LocalDate to) {
        boolean allowed = official.holds(Role.CLERK, unitId)
                || official.holds(Role.LEADER, unitId)
                || official.holds(Role.DEPUTY_LEADER, unitId)
                || official.holds(Role.DIVISION_HEAD, unitId)
                || official.isAdministrator();
        if (!allowed) {
            throw DomainException.forbidden("handling.followup.not-allowed");
        }
        if (to.isBefore(from)) {
            throw DomainException.invalid("registry.period.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw DomainException.invalid("registry.period.too-long");
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        // Never null: a default message is given.
        return Objects.requireNonNull(messages.getMessage(key, args, key, locale));
    }
}
