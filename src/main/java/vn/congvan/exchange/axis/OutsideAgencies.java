package vn.congvan.exchange.axis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The agencies reachable over the axis, as the last synchronization with the hub's directory left
 * them: what a draft may address outside the installation.
 */
@Service
public class OutsideAgencies {

    private static final String COLUMNS = "organ_id, name, system_id, parent_organ_id, synced_at";

    private final JdbcClient jdbc;

    OutsideAgencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every agency of the directory, by name. */
    public List<OutsideAgency> list() {
        return jdbc.sql("select " + COLUMNS + " from axis_agency order by name, organ_id")
                .query(OutsideAgencies::agency)
                .list();
    }

    public Optional<OutsideAgency> find(String organId) {
        return jdbc.sql("select " + COLUMNS + " from axis_agency where organ_id = ?")
                .param(organId)
                .query(OutsideAgencies::agency)
                .optional();
    }

    private static OutsideAgency agency(ResultSet rs, int row) throws SQLException {
        return new OutsideAgency(
                rs.getString("organ_id"),
                rs.getString("name"),
                rs.getString("system_id"),
                rs.getString("parent_organ_id"),
                rs.getTimestamp("synced_at").toInstant());
    }
}
