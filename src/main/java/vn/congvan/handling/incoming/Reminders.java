package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.handling.calendar.HandlingProperties;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.notices.HandlingNotices;
import vn.congvan.platform.ClusterJobs;

/**
 * Reminds leads of deadlines: {@code remind-before} working days ahead and on the day, then every
 * working day once it has passed, when the leader who assigned it (and the division head following
 * it) is told as well. Once a day each; one node at a time (a database lock), any node can run it.
 */
@Component
public class Reminders {

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final WorkingCalendar calendar;
    private final HandlingNotices notices;
    private final int remindBefore;
    private final TransactionTemplate transactions;

    Reminders(
            JdbcClient jdbc,
            ClusterJobs jobs,
            WorkingCalendar calendar,
            HandlingNotices notices,
            HandlingProperties properties,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.calendar = calendar;
        this.notices = notices;
        this.remindBefore = properties.remindBefore();
    }

    private record Due(
            UUID documentId,
            UUID leadId,
            @Nullable UUID assignedBy,
            @Nullable UUID supervisorId,
            LocalDate deadline,
            @Nullable LocalDate remindedOn,
            @Nullable LocalDate escalatedOn,
            String subject,
            boolean urgent) {}

    @Scheduled(fixedDelayString = "${congvan.handling.reminder-interval:PT1H}", initialDelayString = "PT2M")
    void onSchedule() {
        remind();
    }

    /**
     * Sends today's reminders; answers how many officials were reminded or told. Its own transaction
     * (not an annotation: the schedule calls it from this very object, past any proxy).
     */
    public int remind() {
        int[] told = {0};
        transactions.executeWithoutResult(tx -> jobs.runAlone(HandlingJob.REMINDERS, () -> told[0] = remindToday()));
        return told[0];
    }

    private int remindToday() {
        LocalDate today = calendar.today();
        if (!calendar.isWorkingDay(today)) {
            return 0;
        }
        LocalDate horizon = calendar.plusWorkingDays(today, remindBefore);
        List<Due> due = jdbc.sql("""
                        select c.document_id, c.lead_id, c.assigned_by, c.supervisor_id, c.deadline, c.reminded_on,
                          c.escalated_on, d.subject, c.urgent
                        from handling_case c join registry_document_facts d on d.id = c.document_id
                        where c.state in ('ASSIGNED', 'IN_PROGRESS') and c.deadline is not null and c.deadline <= ?
                          and not d.is_revoked and (c.reminded_on is null or c.reminded_on < ?)""")
                .params(horizon, today)
                .query((rs, n) -> new Due(
                        rs.getObject("document_id", UUID.class),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("assigned_by", UUID.class),
                        rs.getObject("supervisor_id", UUID.class),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getObject("reminded_on", LocalDate.class),
                        rs.getObject("escalated_on", LocalDate.class),
                        rs.getString("subject"),
                        rs.getBoolean("urgent")))
                .list();
        int told = 0;
        for (Due d : due) {
            String link = "/documents/" + d.documentId() + "#handling";
            boolean overdue = d.deadline().isBefore(today);
            notices.tell(
                    List.of(d.leadId()),
                    null,
                    overdue ? "handling.overdue" : "handling.due-soon",
                    d.subject(),
                    link,
                    d.urgent() || overdue);
            told++;
            if (overdue && (d.escalatedOn() == null || d.escalatedOn().isBefore(today))) {
                List<@Nullable UUID> above = Arrays.asList(d.assignedBy(), d.supervisorId());
                notices.tell(above, d.leadId(), "handling.overdue-escalated", d.subject(), link, true);
                told += (int) above.stream()
                        .filter(p -> p != null && !p.equals(d.leadId()))
                        .count();
            }
            jdbc.sql(
                            "update handling_case set reminded_on = ?, escalated_on = case when ? then ? else escalated_on end "
                                    + "where document_id = ?")
                    .params(today, overdue, today, d.documentId())
                    .update();
        }
        return told;
    }
}
