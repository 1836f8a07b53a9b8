package vn.congvan.statistics.report;

import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.notification.Notice;
import vn.congvan.notification.NoticePhrase;
import vn.congvan.notification.Notifications;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.UnitFigures;

/**
 * The reminders (đôn đốc) of a monthly report: each unit below a target hears it from the report,
 * its clerk and its leaders, with the figures that fall short, named and written in the reader's
 * language.
 */
@Component
class BelowTargetReminders {

    private final JdbcClient jdbc;
    private final Notifications notifications;

    BelowTargetReminders(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** Sends the reminders inside the caller's transaction; answers how many officials were told. */
    int remind(ReportContent.Month report) {
        int told = 0;
        String month = ReportWorkbook.month(report);
        for (UnitFigures unit : report.belowTarget()) {
            String figures = NoticePhrase.argument(ReportContent.shortfalls(unit).stream()
                    .map(metric -> shortfall(unit, metric))
                    .toList());
            List<UUID> people =
                    jdbc.sql("""
                            select distinct person_id from directory_memberships
                            where unit_id = ? and role in ('CLERK', 'LEADER', 'DEPUTY_LEADER')""").param(unit.unitId()).query(UUID.class).list();
            for (UUID person : people) {
                notifications.send(new Notice(
                        person,
                        "statistics.below-target",
                        "statistics.report.notice.below-target",
                        List.of(month, unit.unitName(), figures),
                        "/statistics/units/" + unit.unitId() + "?period=" + report.month(),
                        true));
                told++;
            }
        }
        return told;
    }

    private static NoticePhrase shortfall(UnitFigures unit, Metric metric) {
        OptionalInt target = unit.target(metric);
        return NoticePhrase.of(
                "statistics.report.notice.shortfall",
                NoticePhrase.argument(List.of(NoticePhrase.of(metric.messageKey()))),
                unit.rate(metric).percent().toPlainString(),
                Integer.toString(target.orElse(0)));
    }
}
