package vn.congvan.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a job on one node of the cluster at a time, by a PostgreSQL advisory lock named after the job.
 *
 * <p>The lock is held until what the work wrote is visible to the next node that takes it: inside a
 * transaction, until that transaction ends (a transaction-level lock on its connection); outside
 * one, while the work runs, on a connection of its own, the work writing in transactions of its own
 * (a session-level lock: a node that dies releases it with its connection).
 *
 * <p>Key space: a job's lock has two 32-bit keys, {@link #SPACE} and {@link #key(ClusterJob)} (in
 * {@code pg_locks}: {@code classid}, {@code objid}, {@code objsubid = 2}). PostgreSQL keeps such
 * locks apart from those with one 64-bit key, which are the only kind the modules take themselves,
 * for a rule inside a request (the audit chain, a register's first use, …): the two cannot collide.
 */
@Component
public class ClusterJobs {

    /** The first key of every job's lock ("Jobs" in ASCII). */
    public static final int SPACE = 0x4a6f6273;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ClusterJobs(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Runs the work unless another node is running the same job; false when it did not run. */
    public boolean runAlone(ClusterJob job, Runnable work) {
        return run(job, work, false);
    }

    /** Runs the work once any other node running the same job has finished it. */
    public void runInTurn(ClusterJob job, Runnable work) {
        run(job, work, true);
    }

    /** The second key of the job's lock: the CRC-32 of its name. */
    public static int key(ClusterJob job) {
        CRC32 crc = new CRC32();
        crc.update(job.jobName().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private boolean run(ClusterJob job, Runnable work, boolean wait) {
        int key = key(job);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(dataSource)) {
            // On the transaction's connection, released when it commits or rolls back.
            if (wait) {
                jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                        .params(SPACE, key)
                        .query((rs, n) -> n)
                        .list();
            } else if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
                    .params(SPACE, key)
                    .query(Boolean.class)
                    .single())) {
                return false;
            }
            work.run();
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (wait) {
                call(connection, "select pg_advisory_lock(?, ?)", key);
            } else if (!call(connection, "select pg_try_advisory_lock(?, ?)", key)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                // A pooled connection keeps its session, and a session lock with it.
                call(connection, "select pg_advisory_unlock(?, ?)", key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot take the lock of the job " + job.jobName(), e);
        }
    }

    /** Runs a lock function; true when it answered true. */
    private static boolean call(Connection connection, String sql, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, SPACE);
            statement.setInt(2, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && Boolean.TRUE.equals(rs.getObject(1));
            }
        }
    }
}
