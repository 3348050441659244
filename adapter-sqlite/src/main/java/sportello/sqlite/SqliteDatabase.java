package sportello.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import sportello.ports.out.StorageUnavailable;

/**
 * The SQLite file that holds Sportello's state, migrated on open. Writes run in {@code BEGIN IMMEDIATE}
 * transactions, one at a time: writers of this process queue on a Java lock before they touch SQLite. SQLite
 * allows one writer anyway, and waiting inside its native busy handler would pin a virtual thread's carrier:
 * under load (measured, see BENCHMARKS.md) every carrier ended up waiting for a lock whose holder had no carrier
 * left to finish. Reads run in deferred transactions and, thanks to WAL, never wait for writers. Closing lets the
 * write in progress finish; after that every call fails with {@link StorageUnavailable}.
 */
public final class SqliteDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    /** How long a writer waits for another writer before giving up with "database is locked". */
    static final int BUSY_TIMEOUT_MILLIS = 5000;

    private final Path file;
    private final DataSource writes;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeTurn = new ReentrantLock(true);
    private volatile boolean closed;

    private SqliteDatabase(Path file) {
        this.file = file;
        this.writes = dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE);
        this.writer = Jdbi.create(writes);
        this.reader = Jdbi.create(dataSource(file, SQLiteConfig.TransactionMode.DEFERRED));
    }

    /**
     * Opens (creating it and its directory if needed) the database file and applies pending migrations.
     *
     * @throws StorageUnavailable when the directory cannot be created or the database cannot be migrated
     */
    public static SqliteDatabase migrated(Path file) {
        var absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StorageUnavailable(
                    "could not create the data directory " + absolute.getParent()
                            + ": check that DATA_DIR points to a writable place",
                    e);
        }
        var database = new SqliteDatabase(absolute);
        database.migrate();
        return database;
    }

    public Path file() {
        return file;
    }

    /**
     * Whether a write can be committed right now (for {@code /health}): false, never an exception, when the
     * disk is full, the file is read-only or locked, or the directory has gone.
     */
    public boolean isWritable() {
        try {
            useWriteTransaction(
                    "health check",
                    handle -> handle.execute("INSERT INTO health_probe (id, checks)"
                            + " VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET checks = checks + 1"));
            return true;
        } catch (StorageUnavailable e) {
            log.warn("storage is not writable: {}", e.getMessage());
            return false;
        }
    }

    /** Runs {@code work} in a write transaction; {@code action} names it in the error if storage fails. */
    <R> R inWriteTransaction(String action, HandleCallback<R, RuntimeException> work) {
        awaitWriteTurn(action);
        try {
            return writer.inTransaction(work);
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, file, e);
        } finally {
            writeTurn.unlock();
        }
    }

    private void awaitWriteTurn(String action) {
        try {
            if (!writeTurn.tryLock(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new StorageUnavailable(
                        "could not " + action + ": the database has been busy with other writes for "
                                + BUSY_TIMEOUT_MILLIS + " ms; if this persists, the disk is too slow for the load",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable("interrupted while waiting to " + action, e);
        }
        if (closed) {
            writeTurn.unlock();
            throw closedFailure(action);
        }
    }

    /** Writers queued for the write turn, for tests that arrange who writes when. */
    int writersWaiting() {
        return writeTurn.getQueueLength();
    }

    /**
     * Waits (at most the busy timeout) for the write in progress, a group of inbox stores included, to commit, then
     * refuses every later call. Nothing needs releasing: connections are opened per transaction.
     */
    @Override
    public void close() {
        boolean turn = false;
        try {
            turn = writeTurn.tryLock(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            if (turn) {
                writeTurn.unlock();
            }
        }
        if (!turn) {
            log.warn("closed {} while a write was still running", file);
        }
    }

    private void refuseIfClosed(String action) {
        if (closed) {
            throw closedFailure(action);
        }
    }

    private StorageUnavailable closedFailure(String action) {
        return new StorageUnavailable(
                "could not " + action + ": the database " + file + " is closed (Sportello is stopping)", null);
    }

    void useWriteTransaction(String action, HandleConsumer<RuntimeException> work) {
        inWriteTransaction(action, handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    /** Runs {@code work} on one consistent snapshot of the database. */
    <R> R inReadTransaction(String action, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return reader.inTransaction(work);
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, file, e);
        }
    }

    /**
     * Runs {@code work} on a connection outside any transaction, for the statements SQLite refuses to run inside
     * one ({@code VACUUM INTO}).
     */
    <R> R withoutTransaction(String action, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        try {
            return reader.withHandle(work);
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, file, e);
        }
    }

    private void migrate() {
        try {
            var result = Flyway.configure()
                    .dataSource(writes)
                    .locations("classpath:db/migration")
                    .loggers("slf4j") // log like the rest of the app, not through java.util.logging
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("migrated {} to schema version {}", file, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new StorageUnavailable(
                    "could not migrate the database " + file + ": check that DATA_DIR is writable and has free"
                            + " space; if a migration failed halfway, restore the file from a backup",
                    e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode transactionMode) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and the inbox promises
        // the channel that a delivery is on disk before it answers 200.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(transactionMode);
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }
}
