package vn.congvan.exchange.axis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Lets one node at a time do a piece of work, by a PostgreSQL session advisory lock held on a
 * connection of its own while the work runs: a node that dies releases it with its connection.
 * The work itself writes in short transactions of its own, so its progress is seen as it goes.
 */
class ClusterLock {

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work unless another node holds the lock; false when it did not run. */
    boolean runAlone(long key, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                call(connection, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot take the lock " + key, e);
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
