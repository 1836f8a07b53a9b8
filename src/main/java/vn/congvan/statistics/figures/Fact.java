package vn.congvan.statistics.figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/** What one document or dossier adds to its unit's day: a 0 or 1 per metric, in {@link Columns#METRICS} order. */
record Fact(UUID subjectId, String subject, UUID unitId, LocalDate day, int[] values) {

    static Fact read(ResultSet rs, int row) throws SQLException {
        int[] values = new int[Columns.METRICS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getInt(Columns.of(Columns.METRICS[i]));
        }
        return new Fact(
                rs.getObject("subject_id", UUID.class),
                rs.getString("subject"),
                rs.getObject("unit_id", UUID.class),
                rs.getObject("day", LocalDate.class),
                values);
    }

    boolean sameAs(Fact other) {
        return unitId.equals(other.unitId) && day.equals(other.day) && Arrays.equals(values, other.values);
    }
}
