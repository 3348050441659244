package sportello.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.StorageUnavailable;

/**
 * The PostgreSQL database that holds Sportello's state, shared by any number of Sportello instances: migrated on
 * start (Flyway serialises concurrent starts with its own lock), reached through a small connection pool, and joined
 * as one live instance ({@link Presence}) whose number names the work it has taken. Writes run in READ COMMITTED
 * transactions and serialise where they must on row locks and transaction-scoped advisory locks, not on a Java lock:
 * the other writers are in other processes. Reads run in REPEATABLE READ, READ ONLY transactions, so a multi-statement
 * read sees one snapshot, as in SQLite. See the module's README for the claim and lease design.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

    /** How long a caller waits for a free pooled connection before the call fails. */
    static final int CONNECTION_TIMEOUT_MILLIS = 5000;

    /** Connections per instance: the lanes, the senders and the web requests share them, each briefly. */
    static final int DEFAULT_POOL_SIZE = 10;

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Presence presence;
    private volatile boolean closed;

    private PostgresDatabase(DatabaseUrl url, HikariDataSource pool, Presence presence) {
        this.url = url;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.presence = presence;
    }

    /**
     * Connects to {@code databaseUrl} ({@code postgresql://user:pass@host:5432/db}, {@code postgres://…} or
     * {@code jdbc:postgresql://…}), applies pending migrations and joins the instances sharing it.
     *
     * @throws StorageUnavailable naming the server and what to check when it cannot be reached, refuses the login, has
     *     no such database or cannot be migrated
     * @throws IllegalArgumentException when the URL is not one of the three forms
     */
    public static PostgresDatabase migrated(String databaseUrl) {
        return migrated(databaseUrl, DEFAULT_POOL_SIZE);
    }

    /** As {@link #migrated(String)}, with {@code poolSize} pooled connections (plus one that marks it alive). */
    public static PostgresDatabase migrated(String databaseUrl, int poolSize) {
        var url = DatabaseUrl.parse(databaseUrl);
        var direct = directDataSource(url);
        checkReachable(url, direct);
        migrate(url, direct);
        Presence presence;
        try {
            presence = Presence.join(direct);
        } catch (SQLException e) {
            throw StorageFailures.translate("join the instances sharing the database", url, e);
        }
        try {
            var database = new PostgresDatabase(url, pool(url, poolSize), presence);
            log.info("using PostgreSQL at {} as instance {}", url.where(), presence.number());
            return database;
        } catch (RuntimeException e) {
            presence.close();
            throw new StorageUnavailable("could not open a connection pool to PostgreSQL at " + url.where(), e);
        }
    }

    /** Host, port and database name, for messages and logs (never the password). */
    public String where() {
        return url.where();
    }

    /** This instance's number among those sharing the database; it names the work the instance has taken. */
    public int instance() {
        return presence.number();
    }

    /**
     * Whether a write can be committed right now (for {@code /health}): false, never an exception, when the server is
     * unreachable, read-only (a standby after a failover) or out of disk.
     */
    public boolean isWritable() {
        try {
            useWriteTransaction(
                    "health check",
                    handle -> handle.execute("INSERT INTO health_probe (id, checks)"
                            + " VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET checks = health_probe.checks + 1"));
            return true;
        } catch (StorageUnavailable e) {
            log.warn("storage is not writable: {}", e.getMessage());
            return false;
        }
    }

    /** How a write transaction commits. */
    enum Commit {
        /** On the server's disk before the call returns: what happens next cannot be taken back (a message sent). */
        SYNCED,
        /**
         * Committed and visible to every instance at once, but flushed to disk by the server's WAL writer a moment
         * later ({@code synchronous_commit = off}, at most three {@code wal_writer_delay}s): a crash of the server's
         * machine in that window may undo it, together with every later commit, never alone. For what the workers can
         * redo from the durable inbox, as the SQLite adapter's buffered commits. A crash of Sportello loses nothing.
         */
        BUFFERED
    }

    /**
     * Runs {@code work} in a READ COMMITTED write transaction, synced; {@code action} names it in the error if it
     * fails.
     */
    <R> R inWriteTransaction(String action, HandleCallback<R, RuntimeException> work) {
        return inWriteTransaction(action, Commit.SYNCED, work);
    }

    <R> R inWriteTransaction(String action, Commit commit, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return jdbi.inTransaction(handle -> {
                if (commit == Commit.BUFFERED) {
                    handle.execute("SET LOCAL synchronous_commit TO off");
                }
                return work.withHandle(handle);
            });
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, url, e);
        }
    }

    void useWriteTransaction(String action, HandleConsumer<RuntimeException> work) {
        useWriteTransaction(action, Commit.SYNCED, work);
    }

    void useWriteTransaction(String action, Commit commit, HandleConsumer<RuntimeException> work) {
        inWriteTransaction(action, commit, handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    /** Runs {@code work} on one consistent, read-only snapshot of the database. */
    <R> R inReadTransaction(String action, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return jdbi.inTransaction(handle -> {
                // the first statement of the transaction, so it may still choose its isolation (one round trip,
                // where setTransactionIsolation would cost two: set, and reset when the connection goes back)
                handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                return work.withHandle(handle);
            });
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, url, e);
        }
    }

    /** This instance's number, after making sure the others still see it alive; for taking work. */
    int liveInstance() {
        presence.ensure();
        return presence.number();
    }

    /**
     * Holds, until the transaction ends, the lock that serialises the writers of one conversation across instances:
     * its derived columns (last message, unread, customer turns, timeline) are read and rewritten by each of them.
     */
    static void lockConversation(Handle handle, String conversationId) {
        lock(handle, Locks.CONVERSATION, conversationId);
    }

    /** Holds, until the transaction ends, the advisory lock named by {@code space} and {@code key}. */
    static void lock(Handle handle, int space, String key) {
        handle.createQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:key))) AS taken")
                .bind("space", space)
                .bind("key", key)
                .mapTo(Integer.class)
                .one();
    }

    /** Lets no new call start, closes the pool (waiting for the calls in progress) and leaves the instances. */
    @Override
    public void close() {
        closed = true;
        pool.close();
        presence.close();
    }

    private void refuseIfClosed(String action) {
        if (closed) {
            throw new StorageUnavailable(
                    "could not " + action + ": the connection to PostgreSQL at " + url.where()
                            + " is closed (Sportello is stopping)",
                    null);
        }
    }

    private static PGSimpleDataSource directDataSource(DatabaseUrl url) {
        var source = new PGSimpleDataSource();
        source.setURL(url.jdbcUrl());
        if (url.user() != null) {
            source.setUser(url.user());
        }
        if (url.password() != null) {
            source.setPassword(url.password());
        }
        source.setConnectTimeout(CONNECTION_TIMEOUT_MILLIS / 1000);
        source.setTcpKeepAlive(true); // a peer that vanished is noticed, and its presence lock released
        source.setApplicationName("sportello");
        return source;
    }

    /** One connection first, so that a wrong URL fails with advice instead of a pool's retry loop. */
    private static void checkReachable(DatabaseUrl url, PGSimpleDataSource direct) {
        try (var connection = direct.getConnection()) {
            connection.isValid(CONNECTION_TIMEOUT_MILLIS / 1000);
        } catch (SQLException e) {
            throw StorageFailures.connecting(url, e);
        }
    }

    private static void migrate(DatabaseUrl url, PGSimpleDataSource direct) {
        try {
            var result = Flyway.configure()
                    .dataSource(direct)
                    .locations("classpath:db/postgres")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("migrated {} to schema version {}", url.where(), result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new StorageUnavailable(
                    "could not migrate the database " + url.where() + ": check that the DATABASE_URL user may"
                            + " create tables in it (" + e.getMessage() + ")",
                    e);
        }
    }

    private static HikariDataSource pool(DatabaseUrl url, int size) {
        var config = new HikariConfig();
        config.setDataSource(directDataSource(url));
        config.setPoolName("sportello-" + url.database());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
