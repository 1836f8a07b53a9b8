package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** The overdue incoming documents of a unit, for its leaders, division heads and clerk; the latest first. */
@Component
public class OverdueLists {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    OverdueLists(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public List<OverdueDocument> of(Official official, UUID unitId) {
        if (!IncomingHandlingList.watches(official, unitId)) {
            throw DomainException.forbidden("handling.overdue.not-allowed");
        }
        LocalDate today = calendar.today();
        return jdbc.sql("""
                        select c.document_id, c.unit_id, d.code_number, d.code_notation, d.subject, c.lead_id,
                          p.full_name as lead_name, c.deadline
                        from handling_case c join registry_document_facts d on d.id = c.document_id
                          left join directory_people p on p.id = c.lead_id
                        where c.unit_id = ? and c.state in ('ASSIGNED', 'IN_PROGRESS') and c.deadline < ?
                          and not d.is_revoked and not d.is_confidential
                        order by c.deadline, d.arrival_date limit 500""")
                .params(unitId, today)
                .query((rs, n) -> {
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    return new OverdueDocument(
                            rs.getObject("document_id", UUID.class),
                            rs.getObject("unit_id", UUID.class),
                            DocumentView.notationOf(rs.getString("code_number"), rs.getString("code_notation")),
                            rs.getString("subject"),
                            rs.getObject("lead_id", UUID.class),
                            rs.getString("lead_name"),
                            deadline,
                            -calendar.workingDaysBetween(today, deadline));
                })
                .list();
    }
}
