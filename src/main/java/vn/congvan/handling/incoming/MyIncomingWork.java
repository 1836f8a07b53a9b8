package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * What incoming documents wait for an official: to present (clerk), to assign (the leader it was
 * presented to, or to whom it came back), to handle (lead), to follow (division head who handed it
 * down), to give an opinion on (cooperating) and to read (informed, while it is open). Urgent ones
 * first, then by deadline, then by arrival.
 */
@Component
public class MyIncomingWork {

    static final int LIMIT = 200;

    private static final String COLUMNS = """
            d.id, d.code_number, d.code_notation, d.subject, d.organ_name, d.arrival_number, d.arrival_date,
            coalesce(c.state, 'REGISTERED') as state, coalesce(c.urgent, d.is_urgent) as urgent, c.deadline""";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    MyIncomingWork(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public List<WorkItem> of(Official official) {
        UUID me = official.personId();
        List<WorkItem> items = new ArrayList<>();
        // Each list keeps a secret document only for a reader granted it now (see query).
        UUID[] clerkUnits = official.unitsWhere(Role.CLERK).toArray(new UUID[0]);
        if (clerkUnits.length > 0) {
            items.addAll(query(me, "present", """
                    from registry_document_facts d left join handling_case c on c.document_id = d.id
                    where d.is_incoming and d.unit_id = any(?) and not d.is_confidential
                      and (c.state is null or c.state = 'REGISTERED')""", (Object) clerkUnits));
        }
        items.addAll(query(me, "assign", """
                from handling_case c join registry_document_facts d on d.id = c.document_id
                where ((c.state = 'PRESENTED' and c.presented_to = ?) or (c.state = 'RETURNED' and c.assigned_by = ?))""", me, me));
        items.addAll(query(me, "handle", """
                from handling_case c join registry_document_facts d on d.id = c.document_id
                where c.state in ('ASSIGNED', 'IN_PROGRESS') and c.lead_id = ?""", me));
        items.addAll(query(me, "follow", """
                from handling_case c join registry_document_facts d on d.id = c.document_id
                where c.state in ('ASSIGNED', 'IN_PROGRESS') and c.supervisor_id = ?""", me));
        items.addAll(query(me, "cooperate", """
                from handling_case c join registry_document_facts d on d.id = c.document_id
                  join handling_participant p on p.document_id = c.document_id
                where c.state in ('ASSIGNED', 'IN_PROGRESS') and p.person_id = ? and p.part = 'COOPERATING'""", me));
        items.addAll(query(me, "read", """
                from handling_case c join registry_document_facts d on d.id = c.document_id
                  join handling_participant p on p.document_id = c.document_id
                where c.state in ('ASSIGNED', 'IN_PROGRESS') and p.person_id = ? and p.part = 'INFORMED'""", me));
        items.sort(Comparator.comparing(WorkItem::urgent)
                .reversed()
                .thenComparing(WorkItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkItem::arrivalDate, Comparator.nullsLast(Comparator.naturalOrder())));
        return items.size() > LIMIT ? List.copyOf(items.subList(0, LIMIT)) : items;
    }

    private List<WorkItem> query(UUID reader, String task, String from, Object... params) {
        LocalDate today = calendar.today();
        List<Object> all = new ArrayList<>(List.of(params));
        all.add(reader);
        return jdbc.sql("select " + COLUMNS + " " + from
                        + " and (not d.is_confidential or exists (select 1 from registry_granted_readers g"
                        + " where g.document_id = d.id and g.person_id = ?))"
                        + " order by d.arrival_date limit " + LIMIT)
                .params(all)
                .query((rs, n) -> {
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    UUID id = rs.getObject("id", UUID.class);
                    return new WorkItem(
                            task,
                            "/documents/" + id + "#handling",
                            id,
                            null,
                            DocumentView.notationOf(rs.getString("code_number"), rs.getString("code_notation")),
                            rs.getString("subject"),
                            rs.getString("organ_name"),
                            (Integer) rs.getObject("arrival_number"),
                            rs.getObject("arrival_date", OffsetDateTime.class),
                            CaseState.valueOf(rs.getString("state")),
                            rs.getBoolean("urgent"),
                            deadline,
                            deadline == null ? null : calendar.workingDaysBetween(today, deadline));
                })
                .list();
    }
}
