package vn.congvan.handling.drafting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * What drafts and arrivals wait for an official: to approve (their step of a route), to revise
 * (returned to its drafter), to sign (approved, for its signer), to issue and to register (clerk).
 */
@Component
public class MyDraftWork {

    static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    MyDraftWork(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public List<WorkItem> of(Official official) {
        UUID me = official.personId();
        List<WorkItem> items = new ArrayList<>();
        items.addAll(drafts("approve", """
                join draft_route_step s on s.draft_id = d.id and s.position = d.current_step
                where d.state = 'SUBMITTED' and s.approver_id = ?""", me));
        items.addAll(drafts("revise", "where d.state = 'RETURNED' and d.drafter_id = ?", me));
        items.addAll(drafts("sign", "where d.state = 'APPROVED' and d.signer_id = ? and d.signed_at is null", me));
        UUID[] clerkUnits = official.unitsWhere(Role.CLERK).toArray(new UUID[0]);
        if (clerkUnits.length > 0) {
            items.addAll(drafts(
                    "issue", "where d.state = 'APPROVED' and d.signed_at is not null and d.unit_id = any(?)", (Object)
                            clerkUnits));
            items.addAll(jdbc.sql("""
                            select dl.id as delivery_id, d.code_number, d.code_notation, d.subject, u.name as sender,
                              d.priority, d.due_date
                            from delivery dl join registry_document_facts d on d.id = dl.document_id
                              join directory_units u on u.id = d.unit_id
                            where dl.state = 'ARRIVED' and dl.recipient_unit_id = any(?) order by dl.sent_at""" + " limit " + LIMIT)
                    .param(clerkUnits)
                    .query((rs, n) -> item(
                            "register",
                            "/arrivals#" + rs.getObject("delivery_id", UUID.class),
                            null,
                            null,
                            joined(rs.getString("code_number"), rs.getString("code_notation")),
                            rs.getString("subject"),
                            rs.getString("sender"),
                            rs.getInt("priority") > 0,
                            rs.getObject("due_date", LocalDate.class)))
                    .list());
        }
        return items;
    }

    private List<WorkItem> drafts(String task, String where, Object... params) {
        return jdbc.sql("""
                        select d.id, d.subject, d.priority, d.due_date, d.document_id, u.name as unit_name from draft d
                        join directory_units u on u.id = d.unit_id""" + " " + where + " order by d.changed_at limit " + LIMIT)
                .params(params)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return item(
                            task,
                            "/drafts/" + id,
                            rs.getObject("document_id", UUID.class),
                            id,
                            null,
                            rs.getString("subject"),
                            rs.getString("unit_name"),
                            rs.getInt("priority") > 0,
                            rs.getObject("due_date", LocalDate.class));
                })
                .list();
    }

    private WorkItem item(
            String task,
            String link,
            @Nullable UUID documentId,
            @Nullable UUID draftId,
            @Nullable String notation,
            String subject,
            String organName,
            boolean urgent,
            @Nullable LocalDate deadline) {
        return new WorkItem(
                task,
                link,
                documentId,
                draftId,
                notation,
                subject,
                organName,
                null,
                null,
                null,
                urgent,
                deadline,
                deadline == null ? null : calendar.workingDaysBetween(calendar.today(), deadline));
    }

    private static @Nullable String joined(@Nullable String number, @Nullable String notation) {
        return vn.congvan.registry.DocumentView.notationOf(number, notation);
    }
}
