package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * A unit's incoming documents by where their handling stands, one tab each: not yet handled
 * (registered, presented, returned), in progress (assigned, deadline not passed), overdue, done
 * (completed or refused); for its leaders, division heads and clerks. Confidential and revoked
 * documents are left out, as on the overdue list.
 */
@Component
public class IncomingHandlingList {

    static final int PAGE_SIZE = 50;

    /** A tab of the list, by its {@code tab} parameter. */
    public enum Tab {
        WAITING("c.state in ('REGISTERED', 'PRESENTED', 'RETURNED')", "d.is_urgent desc, d.arrival_date"),
        IN_PROGRESS(
                "c.state in ('ASSIGNED', 'IN_PROGRESS') and (c.deadline is null or c.deadline >= :today)",
                "c.deadline nulls last, d.arrival_date"),
        OVERDUE("c.state in ('ASSIGNED', 'IN_PROGRESS') and c.deadline < :today", "c.deadline, d.arrival_date"),
        DONE("c.state in ('DONE', 'REFUSED')", "c.changed_at desc");

        private final String condition;
        private final String order;

        Tab(String condition, String order) {
            this.condition = condition;
            this.order = order;
        }

        public String parameter() {
            return name().toLowerCase().replace('_', '-');
        }

        public String messageKey() {
            return "handling.list.tab." + name();
        }

        /** The tab named, or not yet handled for a name that is none. */
        public static Tab named(@Nullable String parameter) {
            for (Tab t : values()) {
                if (t.parameter().equals(parameter)) {
                    return t;
                }
            }
            return WAITING;
        }
    }

    /** One document of the list, with how many working days are left before its deadline (negative: late). */
    public record Row(
            UUID documentId,
            @Nullable Integer arrivalNumber,
            @Nullable OffsetDateTime arrivalDate,
            @Nullable String notation,
            String organName,
            String subject,
            boolean urgent,
            CaseState state,
            @Nullable String leadName,
            @Nullable LocalDate deadline,
            @Nullable Integer workingDaysLeft,
            OffsetDateTime changedAt) {

        public boolean overdue() {
            return workingDaysLeft != null && workingDaysLeft < 0;
        }
    }

    /** A page of a tab, and how many documents each tab holds. */
    public record Listing(Tab tab, List<Row> rows, int page, boolean hasNext, Map<Tab, Long> counts) {}

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    IncomingHandlingList(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public Listing of(Official official, UUID unitId, Tab tab, int page) {
        if (!watches(official, unitId)) {
            throw DomainException.forbidden("handling.overdue.not-allowed");
        }
        LocalDate today = calendar.today();
        int from = Math.max(page, 0) * PAGE_SIZE;
        String shown = "from handling_case c join registry_document_facts d on d.id = c.document_id"
                + " where c.unit_id = :unit and not d.is_revoked and not d.is_confidential";
        Map<Tab, Long> counts = new EnumMap<>(Tab.class);
        StringBuilder countSql = new StringBuilder("select ");
        for (Tab t : Tab.values()) {
            countSql.append(t.ordinal() == 0 ? "" : ", ")
                    .append("count(*) filter (where ")
                    .append(t.condition)
                    .append(") as ")
                    .append(t.name());
        }
        jdbc.sql(countSql + " " + shown)
                .param("unit", unitId)
                .param("today", today)
                .query(rs -> {
                    for (Tab t : Tab.values()) {
                        counts.put(t, rs.getLong(t.name()));
                    }
                });
        List<Row> rows = new ArrayList<>(jdbc.sql(
                        """
                        select c.document_id, d.arrival_number, d.arrival_date, d.code_number, d.code_notation,
                          d.organ_name, d.subject, d.is_urgent, c.state, p.full_name as lead_name, c.deadline,
                          c.changed_at
                        """ + shown.replace("where", "left join directory_people p on p.id = c.lead_id where")
                                + " and " + tab.condition + " order by " + tab.order + " limit :limit offset :from")
                .param("unit", unitId)
                .param("today", today)
                .param("limit", PAGE_SIZE + 1)
                .param("from", from)
                .query((rs, n) -> {
                    CaseState state = CaseState.valueOf(rs.getString("state"));
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    return new Row(
                            rs.getObject("document_id", UUID.class),
                            (Integer) rs.getObject("arrival_number"),
                            rs.getObject("arrival_date", OffsetDateTime.class),
                            DocumentView.notationOf(rs.getString("code_number"), rs.getString("code_notation")),
                            rs.getString("organ_name"),
                            rs.getString("subject"),
                            rs.getBoolean("is_urgent"),
                            state,
                            rs.getString("lead_name"),
                            deadline,
                            deadline == null || !state.open() ? null : calendar.workingDaysBetween(today, deadline),
                            rs.getObject("changed_at", OffsetDateTime.class));
                })
                .list());
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Listing(tab, hasNext ? rows.subList(0, PAGE_SIZE) : rows, Math.max(page, 0), hasNext, counts);
    }

    /** Those who follow the unit's handling: its leaders, division heads and clerks, the administrator, the province's monitor. */
    static boolean watches(Official official, UUID unitId) {
        return official.holds(Role.LEADER, unitId)
                || official.holds(Role.DEPUTY_LEADER, unitId)
                || official.holds(Role.DIVISION_HEAD, unitId)
                || official.holds(Role.CLERK, unitId)
                || official.isAdministrator()
                || official.isProvincialMonitor();
    }
}
