package sportello.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's sign of life to the others sharing the database: a number of its own, and a session-level advisory
 * lock on that number held on a connection of its own for as long as the instance runs. PostgreSQL releases the lock
 * when the session ends for any reason (stop, crash, kill -9, a host or network gone, which the server notices by TCP
 * keepalive within about {@link #GONE_AFTER_SECONDS} seconds), so "the lock is held" is exactly "the instance is still
 * there", with no heartbeat to write and no clock to trust. Leases on customers
 * and claims of outgoing messages name the instance by this number; {@link #ALIVE} lists the numbers still held.
 */
final class Presence implements AutoCloseable {

    /** First key of every presence lock ("SPRT"), so they never collide with the advisory locks of other software. */
    static final int LOCK_SPACE = 0x53505254;

    /** The numbers of the instances alive now, as a subquery; it reads the server's lock table, not a Sportello one. */
    static final String ALIVE = "(SELECT objid::bigint::integer FROM pg_locks WHERE locktype = 'advisory'"
            + " AND granted AND objsubid = 2 AND classid::bigint = " + LOCK_SPACE
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))";

    /**
     * How soon the server notices that this instance's host or network has gone: keepalive probes after 10 s of
     * silence, every 5 s, 3 unanswered ones end the session. The server's default waits for the OS's (2 hours), during
     * which a vanished instance would keep its customers.
     */
    static final int GONE_AFTER_SECONDS = 25;

    private static final String KEEPALIVE =
            "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3";

    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final DataSource direct;
    private final int number;
    private Connection connection; // guarded by this
    private long checkedAt; // guarded by this

    private Presence(DataSource direct, int number, Connection connection) {
        this.direct = direct;
        this.number = number;
        this.connection = connection;
        this.checkedAt = System.nanoTime();
    }

    /** Takes a fresh number and its lock on a connection of {@code direct} (not a pooled one: it is never returned). */
    static Presence join(DataSource direct) throws SQLException {
        var connection = direct.getConnection();
        try {
            connection.setAutoCommit(true);
            keepAlive(connection);
            while (true) { // the sequence cycles after 2^31 numbers: skip one still held by a live instance
                int number;
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("SELECT nextval('instance_number')::integer")) {
                    rs.next();
                    number = rs.getInt(1);
                }
                if (tryLock(connection, number)) {
                    return new Presence(direct, number, connection);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    int number() {
        return number;
    }

    /**
     * Checks (at most once a second) that the lock is still held, and takes it again on a new connection if its
     * session was lost, say because the server restarted. Until then the others saw this instance as gone and may have
     * taken over its customers: that is logged, since work in progress here may then be done twice.
     */
    synchronized void ensure() {
        long now = System.nanoTime();
        if (now - checkedAt < RECHECK_NANOS) {
            return;
        }
        checkedAt = now;
        try {
            if (connection.isValid(2)) {
                return;
            }
        } catch (SQLException e) {
            // treated as lost below
        }
        log.warn("lost the session that marks instance {} alive; taking it again", number);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session is gone already; closing only frees the client side
        }
        try {
            var fresh = direct.getConnection();
            fresh.setAutoCommit(true);
            keepAlive(fresh);
            if (!tryLock(fresh, number)) {
                fresh.close();
                throw new IllegalStateException("instance number " + number + " is held by another session");
            }
            connection = fresh;
        } catch (SQLException e) {
            log.warn("could not mark instance {} alive again, will retry: {}", number, e.getMessage());
        }
    }

    /** The server's side of the keepalive (the driver's tcpKeepAlive covers ours); ignored over a Unix socket. */
    private static void keepAlive(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(KEEPALIVE);
        }
    }

    private static boolean tryLock(Connection connection, int number) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, number);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Gives the lock back, then ends the session. Ending it alone would release the lock too, but only once the
     * server's backend has noticed and exited; unlocking first lets the others see this instance gone at once.
     */
    @Override
    public synchronized void close() {
        try (var session = connection;
                var statement = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, number);
            statement.execute();
        } catch (SQLException e) {
            log.debug("closing the presence session of instance {}: {}", number, e.getMessage());
        }
    }
}
