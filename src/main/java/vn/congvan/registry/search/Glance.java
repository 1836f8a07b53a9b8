package vn.congvan.registry.search;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/**
 * The sets of documents the home page counts for an official, each also the filter of the list its
 * tile opens ({@code /incoming?show=arrived-today}): one definition, so that a tile and its list
 * always agree. Documents of the official's own units, not confidential; days in Vietnam time.
 */
public enum Glance {

    /** Incoming documents that arrived today. */
    ARRIVED_TODAY("arrived-today"),
    /** Urgent incoming documents (any priority above normal) that arrived in the last seven days. */
    URGENT_THIS_WEEK("urgent-this-week"),
    /** Incoming documents due within the next seven days. */
    DUE_THIS_WEEK("due-this-week"),
    /** Outgoing documents issued since the first of the month. */
    ISSUED_THIS_MONTH("issued-this-month");

    private final String parameter;

    Glance(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the lists' {@code show} parameter. */
    public String parameter() {
        return parameter;
    }

    public static Optional<Glance> ofParameter(String parameter) {
        return Arrays.stream(values())
                .filter(g -> g.parameter.equals(parameter))
                .findFirst();
    }

    /** A condition on the documents of alias {@code d}, and its parameters in order. */
    public record Condition(String sql, List<Object> params) {}

    /** The documents of this glance for the official, as of {@code today}. */
    public Condition condition(Official official, LocalDate today) {
        List<Object> params = new ArrayList<>();
        params.add(official.unitIds().toArray(new UUID[0]));
        String own = "d.unit_id = any(?) and d.confidentiality = 0 and ";
        String sql = switch (this) {
            case ARRIVED_TODAY -> {
                params.add(startOf(today));
                params.add(startOf(today.plusDays(1)));
                yield own + "d.direction = 'INCOMING' and d.arrival_date >= ? and d.arrival_date < ?";
            }
            case URGENT_THIS_WEEK -> {
                params.add(startOf(today.minusDays(7)));
                yield own + "d.direction = 'INCOMING' and d.priority > 0 and d.arrival_date >= ?";
            }
            case DUE_THIS_WEEK -> {
                params.add(Date.valueOf(today));
                params.add(Date.valueOf(today.plusDays(7)));
                yield own + "d.direction = 'INCOMING' and d.due_date between ?::date and ?::date";
            }
            case ISSUED_THIS_MONTH -> {
                params.add(Date.valueOf(today.withDayOfMonth(1)));
                yield own + "d.direction = 'OUTGOING' and d.issued_date >= ?";
            }
        };
        return new Condition(sql, List.copyOf(params));
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VietnamTime.ZONE).toInstant());
    }
}
