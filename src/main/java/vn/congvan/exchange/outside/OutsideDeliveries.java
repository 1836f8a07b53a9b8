package vn.congvan.exchange.outside;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.handling.OutsideRecipients;
import vn.congvan.handling.RecipientState;

/** The documents sent to bodies outside the installation, one row per document and recipient organ. */
@Component
class OutsideDeliveries implements OutsideRecipients {

    private final JdbcClient jdbc;

    OutsideDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the document as queued for the organ; false when it was sent there before. */
    boolean queue(UUID documentId, String organId, String organName, Instant at) {
        return jdbc.sql("""
                        insert into outside_delivery (id, document_id, organ_id, organ_name, state, sent_at, changed_at)
                        values (?, ?, ?, ?, 'QUEUED', ?, ?) on conflict (document_id, organ_id) do nothing""")
                        .params(
                                UUID.randomUUID(),
                                documentId,
                                organId,
                                organName,
                                Timestamp.from(at),
                                Timestamp.from(at))
                        .update()
                == 1;
    }

    @Override
    public List<RecipientState> of(UUID documentId) {
        return jdbc.sql("select * from outside_delivery where document_id = ? order by organ_name")
                .param(documentId)
                .query(OutsideDeliveries::map)
                .list();
    }

    Optional<RecipientState> lock(UUID documentId, String organId) {
        return jdbc.sql("select * from outside_delivery where document_id = ? and organ_id = ? for update")
                .params(documentId, organId)
                .query(OutsideDeliveries::map)
                .optional();
    }

    void moved(UUID deliveryId, String state, @Nullable String statusCode, @Nullable String reason, Instant at) {
        jdbc.sql("""
                        update outside_delivery set state = ?, status_code = ?, reason = coalesce(?, reason), changed_at = ?
                        where id = ?""")
                .params(state, statusCode, reason, Timestamp.from(at), deliveryId)
                .update();
    }

    private static RecipientState map(ResultSet rs, int n) throws SQLException {
        return new RecipientState(
                rs.getObject("id", UUID.class),
                rs.getObject("document_id", UUID.class),
                null,
                rs.getString("organ_id"),
                rs.getString("organ_name"),
                rs.getString("state"),
                rs.getString("status_code"),
                null,
                rs.getString("reason"),
                rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("changed_at").toInstant());
    }
}
