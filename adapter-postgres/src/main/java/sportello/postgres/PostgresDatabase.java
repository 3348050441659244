package sportello.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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
 * start (Flyway serialises concurrent starts with its own lock), reached through three small connection pools (one per
 * {@link Pool}, so webhook stores, {@code /health} and the sender never wait behind the conversation lanes), and joined
 * as one live instance ({@link Presence}) whose number names the work it has taken. Writes run in READ COMMITTED
 * transactions and serialise where they must on row locks and transaction-scoped advisory locks, not on a Java lock:
 * the other writers are in other processes. Reads of several statements run in REPEATABLE READ, READ ONLY
 * transactions, so they see one snapshot, as in SQLite; a read of one statement runs on its own. A call holds its
 * connection only while it talks to the database. See the module's README for the pools, claims and leases.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

    /** How long a caller waits for a free pooled connection before the call fails. */
    static final int CONNECTION_TIMEOUT_MILLIS = 5000;

    /**
     * How many pooled connections an instance opens for each {@link Pool}; it also holds one more, its presence
     * session ({@link #total()} counts it). A pool's connections serve only its own callers, so the lanes can use up
     * theirs without delaying a webhook, {@code /health} or the sender.
     *
     * @param urgent inbox stores (a webhook waits for each) and {@code /health}
     * @param sending the sender's claims, outcomes and reads
     * @param work everything else: the conversation lanes, the inbox dispatcher, the dashboard, retention
     */
    public record Connections(int urgent, int sending, int work) {

        /**
         * 3 + 2 + 7 pooled, 13 in all with the presence session: webhook stores are a few milliseconds each and
         * PostgreSQL flushes concurrent commits together, the sender claims one message at a time, and the lanes
         * (hundreds of them under load) spend most of their time waiting for the model, not the database.
         */
        public static final Connections DEFAULT = new Connections(3, 2, 7);

        public Connections {
            if (urgent < 1 || sending < 1 || work < 1) {
                throw new IllegalArgumentException("each pool needs at least one connection, got urgent " + urgent
                        + ", sending " + sending + ", work " + work);
            }
        }

        /** Connections the instance may hold open on the server at once: the three pools and the presence session. */
        public int total() {
            return urgent + sending + work + 1;
        }

        int of(Pool pool) {
            return switch (pool) {
                case URGENT -> urgent;
                case SENDING -> sending;
                case WORK -> work;
            };
        }
    }

    /**
     * Which pool a call takes its connection from. The pools are apart, like the priorities of the SQLite adapter's
     * write turn, but here the writers also wait for their own network round trips (and, under load, for a CPU to send
     * the next statement on), so a connection of their own is what keeps the urgent callers from queueing behind them.
     */
    enum Pool {
        /** Someone outside waits for this: a webhook's answer (inbox stores), {@code /health}. */
        URGENT(true),
        /** The end of the pipeline: claiming replies, recording what became of their sends. */
        SENDING(true),
        /**
         * Everything else, the conversation lanes' writes among them. Most of its writes are buffered, so its sessions
         * commit buffered unless a transaction asks otherwise: one round trip less for each of those.
         */
        WORK(false);

        /** Whether the pool's sessions commit synced unless a transaction says otherwise. */
        final boolean syncedByDefault;

        Pool(boolean syncedByDefault) {
            this.syncedByDefault = syncedByDefault;
        }
    }

    private final DatabaseUrl url;
    private final Map<Pool, HikariDataSource> pools;
    private final Map<Pool, Jdbi> jdbis = new EnumMap<>(Pool.class);
    private final Presence presence;
    private volatile boolean closed;

    private PostgresDatabase(DatabaseUrl url, Map<Pool, HikariDataSource> pools, Presence presence) {
        this.url = url;
        this.pools = pools;
        pools.forEach((pool, source) -> jdbis.put(pool, Jdbi.create(source)));
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
        return migrated(databaseUrl, Connections.DEFAULT);
    }

    /** As {@link #migrated(String)}, with {@code connections} pooled connections (plus one that marks it alive). */
    public static PostgresDatabase migrated(String databaseUrl, Connections connections) {
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
        var pools = new EnumMap<Pool, HikariDataSource>(Pool.class);
        try {
            for (Pool pool : Pool.values()) {
                pools.put(pool, pool(url, pool, connections.of(pool)));
            }
            var database = new PostgresDatabase(url, pools, presence);
            log.info(
                    "using PostgreSQL at {} as instance {}, with up to {} connections",
                    url.where(),
                    presence.number(),
                    connections.total());
            return database;
        } catch (RuntimeException e) {
            pools.values().forEach(HikariDataSource::close);
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
                    Commit.URGENT,
                    handle -> handle.execute("INSERT INTO health_probe (id, checks)"
                            + " VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET checks = health_probe.checks + 1"));
            return true;
        } catch (StorageUnavailable e) {
            log.warn("storage is not writable: {}", e.getMessage());
            return false;
        }
    }

    /** How a write transaction commits, and which {@link Pool} it runs on (the SQLite adapter's commit modes). */
    enum Commit {
        /** Synced, on the urgent pool: someone outside waits for it (a webhook's answer, {@code /health}). */
        URGENT(Pool.URGENT, true),
        /** On the server's disk before the call returns: what happens next cannot be taken back (a message sent). */
        SYNCED(Pool.WORK, true),
        /**
         * Committed and visible to every instance at once, but flushed to disk by the server's WAL writer a moment
         * later ({@code synchronous_commit = off}, at most three {@code wal_writer_delay}s): a crash of the server's
         * machine in that window may undo it, together with every later commit, never alone. For what the workers can
         * redo from the durable inbox, as the SQLite adapter's buffered commits. A crash of Sportello loses nothing.
         */
        BUFFERED(Pool.WORK, false),
        /** Synced, on the sender's pool: the claim of replies about to be sent. */
        SENDING_SYNCED(Pool.SENDING, true),
        /** Buffered, on the sender's pool: what became of a send. */
        SENDING_BUFFERED(Pool.SENDING, false);

        final Pool pool;
        final boolean synced;

        Commit(Pool pool, boolean synced) {
            this.pool = pool;
            this.synced = synced;
        }
    }

    /**
     * Runs {@code work} in a READ COMMITTED write transaction on the work pool, synced; {@code action} names it in the
     * error if it fails.
     */
    <R> R inWriteTransaction(String action, HandleCallback<R, RuntimeException> work) {
        return inWriteTransaction(action, Commit.SYNCED, work);
    }

    /**
     * Runs {@code work} in a READ COMMITTED write transaction that commits as {@code commit} says, on its pool. The
     * connection is the pool's only while {@code work} runs: it must do nothing but talk to the database.
     */
    <R> R inWriteTransaction(String action, Commit commit, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return jdbis.get(commit.pool).inTransaction(handle -> {
                if (commit.synced != commit.pool.syncedByDefault) {
                    // DEFAULT is the server's own setting (which may ask for more than "on", say remote_apply)
                    handle.execute(
                            commit.synced
                                    ? "SET LOCAL synchronous_commit TO DEFAULT"
                                    : "SET LOCAL synchronous_commit TO off");
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

    /** Runs {@code work} on one consistent, read-only snapshot of the database, on the work pool. */
    <R> R inReadTransaction(String action, HandleCallback<R, RuntimeException> work) {
        return inReadTransaction(action, Pool.WORK, work);
    }

    /** Runs {@code work} on one consistent, read-only snapshot of the database, on {@code pool}. */
    <R> R inReadTransaction(String action, Pool pool, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return jdbis.get(pool).inTransaction(handle -> {
                // the first statement of the transaction, so it may still choose its isolation (one round trip,
                // where setTransactionIsolation would cost two: set, and reset when the connection goes back)
                handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                return work.withHandle(handle);
            });
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, url, e);
        }
    }

    /**
     * Runs {@code work}, a single statement that only reads, on its own, on the work pool: a statement sees one
     * snapshot by itself, so it needs no transaction, and holds its connection for one round trip instead of three
     * (the transaction's start with its isolation, the statement, the commit).
     */
    <R> R readOneStatement(String action, HandleCallback<R, RuntimeException> work) {
        return readOneStatement(action, Pool.WORK, work);
    }

    /** As {@link #readOneStatement(String, HandleCallback)}, on {@code pool}. */
    <R> R readOneStatement(String action, Pool pool, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return jdbis.get(pool).withHandle(work);
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

    /** Lets no new call start, closes the pools (waiting for the calls in progress) and leaves the instances. */
    @Override
    public void close() {
        closed = true;
        pools.values().forEach(HikariDataSource::close);
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
        return directDataSource(url, "sportello");
    }

    /** {@code applicationName} shows in {@code pg_stat_activity}, so an operator sees which pool a session is of. */
    private static PGSimpleDataSource directDataSource(DatabaseUrl url, String applicationName) {
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
        source.setApplicationName(applicationName);
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

    private static HikariDataSource pool(DatabaseUrl url, Pool pool, int size) {
        String name = "sportello-" + pool.name().toLowerCase(Locale.ROOT);
        var config = new HikariConfig();
        config.setDataSource(directDataSource(url, name));
        config.setPoolName(name + "-" + url.database());
        config.setMaximumPoolSize(size);
        // the urgent connections stay open, so a webhook after a quiet night does not wait for a login
        config.setMinimumIdle(pool == Pool.URGENT ? size : 1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setAutoCommit(true);
        if (!pool.syncedByDefault) {
            config.setConnectionInitSql("SET synchronous_commit TO off");
        }
        return new HikariDataSource(config);
    }
}
