package vn.congvan.registry.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.registry.register.Register;
import vn.congvan.shared.VietnamTime;

/**
 * Reads a register's entries of a period in number order, row by row, already laid out as the
 * register's columns, so a year of a provincial office prints without loading it whole.
 */
@Component
class RegisterEntries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;

    RegisterEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands each entry's cells to the consumer; secret subjects are masked unless shown. */
    void forEach(Register register, LocalDate from, LocalDate to, String secretMask, Consumer<List<String>> rows) {
        String dateColumn = register.direction() == Direction.INCOMING
                ? "(d.arrival_date at time zone 'Asia/Ho_Chi_Minh')::date"
                : "d.issued_date";
        try (Stream<List<String>> stream = jdbc
                .sql("""
                        select d.*, dv.name as division_name,
                          (select string_agg(r.organ_name, '; ' order by r.position) from document_recipient r
                            where r.document_id = d.id) as recipient_names
                        from document d left join directory_divisions dv on dv.id = d.drafting_division_id
                        where d.register_id = ? and d.number is not null and %s between ? and ?
                        order by d.register_year, d.number""".formatted(dateColumn))
                .params(register.id(), from, to)
                .withFetchSize(500)
                .query((rs, n) -> register.direction() == Direction.INCOMING
                        ? incoming(rs, secretMask)
                        : outgoing(rs, secretMask))
                .stream()) {
            stream.forEach(rows);
        }
    }

    private static List<String> incoming(java.sql.ResultSet rs, String secretMask) throws java.sql.SQLException {
        List<String> cells = new ArrayList<>();
        OffsetDateTime arrival = rs.getObject("arrival_date", OffsetDateTime.class);
        cells.add(arrival == null ? "" : DAY.format(arrival.atZoneSameInstant(VietnamTime.ZONE)));
        cells.add(Integer.toString(rs.getInt("number")));
        cells.add(rs.getString("organ_name"));
        cells.add(notation(rs.getString("code_number"), rs.getString("code_notation")));
        cells.add(DAY.format(rs.getObject("issued_date", LocalDate.class)));
        cells.add(typeAndSubject(rs, secretMask));
        cells.add(nullToEmpty(rs.getString("to_places")));
        cells.add("");
        cells.add("");
        cells.add(note(rs));
        return cells;
    }

    private static List<String> outgoing(java.sql.ResultSet rs, String secretMask) throws java.sql.SQLException {
        List<String> cells = new ArrayList<>();
        cells.add(notation(rs.getString("code_number"), rs.getString("code_notation")));
        cells.add(DAY.format(rs.getObject("issued_date", LocalDate.class)));
        cells.add(typeAndSubject(rs, secretMask));
        String prefix =
                SignerAuthority.valueOf(rs.getString("signer_authority")).prefix();
        cells.add(String.join(
                        " ",
                        prefix,
                        nullToEmpty(rs.getString("signer_position")),
                        nullToEmpty(rs.getString("signer_full_name")))
                .strip());
        String recipients = rs.getString("recipient_names");
        cells.add(recipients != null ? recipients : nullToEmpty(rs.getString("to_places")));
        cells.add(nullToEmpty(rs.getString("division_name")));
        Object copies = rs.getObject("issued_amount");
        cells.add(copies == null ? "" : copies.toString());
        cells.add("");
        cells.add("");
        cells.add(note(rs));
        return cells;
    }

    private static String typeAndSubject(java.sql.ResultSet rs, String secretMask) throws java.sql.SQLException {
        String subject = rs.getInt("confidentiality") > 0 ? secretMask : rs.getString("subject");
        return rs.getString("type_name") + " - " + subject;
    }

    private static String note(java.sql.ResultSet rs) throws java.sql.SQLException {
        String note = nullToEmpty(rs.getString("description"));
        return rs.getBoolean("paper") ? (note + " (giấy)").strip() : note;
    }

    private static String notation(String number, String notation) {
        return nullToEmpty(DocumentView.notationOf(number, notation));
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
