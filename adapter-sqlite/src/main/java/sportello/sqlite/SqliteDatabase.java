package sportello.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
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
 * transactions, one at a time, on one long-lived connection: writers of this process queue for a {@link WriteTurn}
 * in Java before they touch SQLite. SQLite allows one writer anyway, and waiting inside its native busy handler
 * would pin a virtual thread's carrier: under load (measured, see BENCHMARKS.md) every carrier ended up waiting for
 * a lock whose holder had no carrier left to finish. Reads run in deferred transactions on connections of their own
 * and, thanks to WAL, never wait for writers. Closing lets the write in progress finish; after that every call fails
 * with {@link StorageUnavailable}.
 *
 * <p>Each write says how it commits ({@link Commit}). A synced commit ({@code synchronous=FULL}) is on the disk
 * when it returns: the inbox needs that before a webhook is answered, and the outbox before a message is sent. A
 * buffered one ({@code synchronous=NORMAL}) is in the WAL, which survives the process being killed; the next
 * synced commit, or a sync at most {@link #SYNC_DELAY} later, puts it on the disk. The WAL's checksummed frames
 * are replayed in order after a power loss, so what a power loss can undo is always the newest commits: never a
 * buffered commit older than a synced one that survived.
 */
public final class SqliteDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    /** How long a writer waits for another writer before giving up with "database is locked". */
    static final int BUSY_TIMEOUT_MILLIS = 5000;

    /** At most this long after a buffered commit, a synced one makes it power-loss proof. */
    static final Duration SYNC_DELAY = Duration.ofMillis(100);

    /** Read connections kept open between reads; more are opened when more threads read at once. */
    private static final int MAX_IDLE_READERS = 4;

    /**
     * Most buffered writes per shared transaction: each is a few small statements (well under a millisecond), and
     * an inbox store waits for the transaction in progress, so it must stay short.
     */
    private static final int MAX_BUFFERED_PER_COMMIT = 16;

    private static final String COMBINED_ACTION = "could not write buffered changes";

    private static final String PROBE = "INSERT INTO health_probe (id, checks)"
            + " VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET checks = checks + 1";

    /** How a write transaction commits, and how soon it gets the write turn. */
    enum Commit {
        /**
         * Synced, and before every other writer waiting: someone outside is waiting for it (a webhook's answer,
         * {@code /health}).
         */
        URGENT(true, WriteTurn.Priority.FIRST),
        /** On the disk before the call returns: what happens next cannot be taken back. */
        SYNCED(true, WriteTurn.Priority.LAST),
        /**
         * In the WAL before the call returns, so it survives a crash or a kill of the process; synced by the next
         * synced commit or {@link #SYNC_DELAY} later at most. For what the worker can redo from the durable inbox,
         * and what a power loss in that window may undo together with every later commit. Buffered writes of
         * concurrent callers share transactions.
         */
        BUFFERED(false, WriteTurn.Priority.LAST),
        /** Synced, ahead of the worker's writes: the claim of replies about to be sent. */
        SENDING_SYNCED(true, WriteTurn.Priority.NEXT),
        /** Buffered, ahead of the worker's writes: what became of a send. */
        SENDING_BUFFERED(false, WriteTurn.Priority.NEXT);

        final boolean synced;
        final WriteTurn.Priority priority;

        Commit(boolean synced, WriteTurn.Priority priority) {
            this.synced = synced;
            this.priority = priority;
        }
    }

    /**
     * Switches for the write path, so a benchmark can measure each choice against the one before it (see
     * BENCHMARKS.md, "Webhook load"); Sportello always runs with {@link #CHOSEN}.
     *
     * @param buffered buffered commits as asked; false syncs every commit
     * @param urgentFirst inbox stores first, then the sender's writes, then the rest; false is first come, first
     *     served
     * @param keepWriterOpen one long-lived writer connection, and idle read connections kept for the next reads;
     *     false opens a connection per transaction
     * @param combineBuffered buffered writes of concurrent callers share transactions; false gives each its own
     */
    record WritePath(boolean buffered, boolean urgentFirst, boolean keepWriterOpen, boolean combineBuffered) {
        static final WritePath CHOSEN = new WritePath(true, true, true, true);

        Commit effective(Commit asked) {
            var commit = asked;
            if (!buffered && !commit.synced) {
                commit = commit == Commit.BUFFERED ? Commit.SYNCED : Commit.SENDING_SYNCED;
            }
            if (urgentFirst || commit.priority == WriteTurn.Priority.LAST) {
                return commit;
            }
            return commit.synced ? Commit.SYNCED : Commit.BUFFERED;
        }
    }

    private final Path file;
    private final DataSource writes; // new connections: migrations and the health probe
    private final Jdbi writer;
    private final Jdbi reader;
    private final WriteTurn writeTurn = new WriteTurn();
    private final WritePath writePath;
    private final GroupCommit<BufferedWrite, BufferedWrite.Outcome> bufferedWrites;
    private final ConcurrentLinkedDeque<IdleReader> idleReaders = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleReaderCount = new AtomicInteger();
    private volatile boolean closed;

    // all guarded by the write turn
    private Handle connection;
    private Object connectionFile;
    private boolean connectionSynced;
    private volatile long bufferedSinceSync; // volatile only for tests that wait for the sync
    private final AtomicBoolean syncScheduled = new AtomicBoolean();

    private SqliteDatabase(Path file, WritePath writePath) {
        this.file = file;
        this.writePath = writePath;
        this.bufferedWrites = new GroupCommit<>(
                this, Commit.BUFFERED, "write buffered changes", MAX_BUFFERED_PER_COMMIT, BufferedWrite::runEach);
        this.writes = dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE);
        this.writer = Jdbi.create(writes).setStatementBuilderFactory(ReusedStatements.FACTORY);
        this.reader = Jdbi.create(dataSource(file, SQLiteConfig.TransactionMode.DEFERRED))
                .setStatementBuilderFactory(ReusedStatements.FACTORY);
    }

    /**
     * Opens (creating it and its directory if needed) the database file and applies pending migrations.
     *
     * @throws StorageUnavailable when the directory cannot be created or the database cannot be migrated
     */
    public static SqliteDatabase migrated(Path file) {
        return migrated(file, WritePath.CHOSEN);
    }

    static SqliteDatabase migrated(Path file, WritePath writePath) {
        var absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StorageUnavailable(
                    "could not create the data directory " + absolute.getParent()
                            + ": check that DATA_DIR points to a writable place",
                    e);
        }
        var database = new SqliteDatabase(absolute, writePath);
        database.migrate();
        return database;
    }

    public Path file() {
        return file;
    }

    /**
     * Whether a write can be committed right now (for {@code /health}): false, never an exception, when the
     * disk is full, the file is read-only or locked, or the directory has gone. It commits on a new connection, as
     * a restart would: the long-lived writer could go on writing through its open file after the file was made
     * read-only or its volume unmounted. When the probe fails, the writer is closed too, so the next write reopens
     * the file and fails the same way instead of writing where nobody will find it.
     */
    public boolean isWritable() {
        return writeProblem().isEmpty();
    }

    /** Why a write cannot be committed now, in words that say what to do; empty when it can (see isWritable). */
    public java.util.Optional<String> writeProblem() {
        try {
            awaitWriteTurn("check that the database is writable", WriteTurn.Priority.FIRST);
            try {
                writer.useTransaction(handle -> handle.execute(PROBE));
                afterCommit(Commit.SYNCED);
            } catch (JdbiException e) {
                dropConnection();
                throw StorageFailures.translate("check that the database is writable", file, e);
            } finally {
                writeTurn.release();
            }
            return java.util.Optional.empty();
        } catch (StorageUnavailable e) {
            log.warn("storage is not writable: {}", e.getMessage());
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** Runs {@code work} in a synced write transaction; {@code action} names it in the error if storage fails. */
    <R> R inWriteTransaction(String action, HandleCallback<R, RuntimeException> work) {
        return inWriteTransaction(action, Commit.SYNCED, work);
    }

    /**
     * Runs {@code work} in a write transaction that commits as {@code commit} says. Buffered writes of callers
     * writing at the same time share transactions (see {@link BufferedWrite}): under load, hundreds of conversation
     * lanes write a few small rows each, and taking turns one transaction at a time costs each of them a handover
     * between threads besides the begin and the commit.
     */
    <R> R inWriteTransaction(String action, Commit asked, HandleCallback<R, RuntimeException> work) {
        var commit = writePath.effective(asked);
        if (commit == Commit.BUFFERED && writePath.combineBuffered()) {
            return combined(action, work);
        }
        return ownTransaction(action, commit, work);
    }

    @SuppressWarnings("unchecked") // the value is what this caller's own work returned
    private <R> R combined(String action, HandleCallback<R, RuntimeException> work) {
        BufferedWrite.Outcome outcome;
        try {
            outcome = bufferedWrites.submit(new BufferedWrite(action, work));
        } catch (StorageUnavailable e) {
            String message = e.getMessage();
            throw new StorageUnavailable(
                    message.startsWith(COMBINED_ACTION)
                            ? "could not " + action + message.substring(COMBINED_ACTION.length())
                            : message,
                    e);
        }
        return switch (outcome) {
            case BufferedWrite.Outcome.Done(var value) -> (R) value;
            case BufferedWrite.Outcome.Threw(var thrown)
            when thrown instanceof JdbiException jdbi -> throw StorageFailures.translate(action, file, jdbi);
            case BufferedWrite.Outcome.Threw(var thrown) -> throw thrown;
        };
    }

    /** One transaction of its own; the group commits of inbox stores and of buffered writes run theirs here. */
    <R> R ownTransaction(String action, Commit commit, HandleCallback<R, RuntimeException> work) {
        awaitWriteTurn(action, commit.priority);
        try {
            R result = connection(commit).inTransaction(work);
            afterCommit(commit);
            if (!writePath.keepWriterOpen()) {
                dropConnection();
            }
            return result;
        } catch (RuntimeException | Error e) {
            dropConnection(); // rolled back; a connection left in a bad state must not carry the next write
            if (e instanceof JdbiException jdbi) {
                throw StorageFailures.translate(action, file, jdbi);
            }
            throw e;
        } finally {
            writeTurn.release();
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

    /**
     * The long-lived writer connection, reopened when the path no longer leads to the file it has open (deleted,
     * replaced, its volume unmounted): a stat per transaction, so such a write fails as it would on a fresh
     * connection instead of going into a file nobody will read.
     */
    private Handle connection(Commit commit) {
        if (connection != null && !fileKey().equals(connectionFile)) {
            dropConnection();
        }
        if (connection == null) {
            connection = writer.open();
            connectionFile = fileKey();
            connectionSynced = true; // the data source's setting
        }
        if (connectionSynced != commit.synced) {
            connection.execute("PRAGMA synchronous = " + (commit.synced ? "FULL" : "NORMAL"));
            connectionSynced = commit.synced;
        }
        return connection;
    }

    /** The file's identity (device and inode), or a marker when it cannot be read. */
    private Object fileKey() {
        try {
            var key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key == null ? "no file key" : key;
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private void dropConnection() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    /** Counts buffered commits and has them synced soon, by a synced commit of its own if none comes first. */
    private void afterCommit(Commit commit) {
        if (commit.synced) {
            bufferedSinceSync = 0;
            return;
        }
        bufferedSinceSync++;
        if (syncScheduled.compareAndSet(false, true)) {
            Thread.ofVirtual().name("sqlite-sync").start(this::syncBuffered);
        }
    }

    /**
     * Runs on its own virtual thread {@link #SYNC_DELAY} after a buffered commit: unless a synced commit came
     * meanwhile, commits a synced write, whose fsync of the WAL also covers every frame written before it.
     */
    private void syncBuffered() {
        try {
            Thread.sleep(SYNC_DELAY);
            syncScheduled.set(false); // a buffered commit from now on schedules another sync
            awaitWriteTurn("sync buffered commits", WriteTurn.Priority.LAST);
        } catch (InterruptedException e) {
            syncScheduled.set(false);
            Thread.currentThread().interrupt();
            return;
        } catch (StorageUnavailable e) {
            if (!closed) {
                log.warn("could not sync the latest commits of {} yet: {}", file, e.getMessage());
            }
            return;
        }
        try {
            if (bufferedSinceSync > 0) {
                connection(Commit.SYNCED).useTransaction(handle -> handle.execute(PROBE));
                afterCommit(Commit.SYNCED);
            }
        } catch (RuntimeException e) {
            dropConnection();
            log.warn("could not sync the latest commits of {} yet: {}", file, e.toString());
        } finally {
            writeTurn.release();
        }
    }

    private void awaitWriteTurn(String action, WriteTurn.Priority priority) {
        try {
            if (!writeTurn.acquire(priority, BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new StorageUnavailable(
                        "could not " + action + ": the database has been busy with other writes for "
                                + BUSY_TIMEOUT_MILLIS + " ms; if this persists, another program may hold " + file
                                + " locked (only one Sportello may use a DATA_DIR), or the disk is too slow for the load",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable("interrupted while waiting to " + action, e);
        }
        if (closed) {
            writeTurn.release();
            throw closedFailure(action);
        }
    }

    /** Buffered commits not synced yet, for tests. */
    long unsyncedCommits() {
        return bufferedSinceSync;
    }

    /** Buffered writes queued for the next shared transaction, for tests that arrange overlapping writes. */
    int bufferedWritesWaiting() {
        return bufferedWrites.waiting();
    }

    /** Transactions that carried buffered writes, for tests. */
    long bufferedCommits() {
        return bufferedWrites.commits();
    }

    /** Writers queued for the write turn, for tests that arrange who writes when. */
    int writersWaiting() {
        return writeTurn.waiting();
    }

    /**
     * Waits (at most the busy timeout) for the write in progress, a group of inbox stores included, to commit, syncs
     * the buffered commits not synced yet, then closes the connections and refuses every later call.
     */
    @Override
    public void close() {
        boolean turn = false;
        try {
            turn = writeTurn.acquire(WriteTurn.Priority.FIRST, BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            closeIdleReaders();
            if (turn) {
                syncBeforeClosing();
                dropConnection();
                writeTurn.release();
            }
        }
        if (!turn) {
            log.warn("closed {} while a write was still running", file);
        }
    }

    /** A stop is no reason to leave the last buffered commits to the next sync: there will be none. */
    private void syncBeforeClosing() {
        if (bufferedSinceSync == 0 || connection == null) {
            return;
        }
        try {
            connection(Commit.SYNCED).useTransaction(handle -> handle.execute(PROBE));
            bufferedSinceSync = 0;
        } catch (RuntimeException e) {
            log.warn("could not sync the latest commits of {} before closing: {}", file, e.toString());
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

    /** Runs {@code work} on one consistent snapshot of the database. */
    <R> R inReadTransaction(String action, HandleCallback<R, RuntimeException> work) {
        refuseIfClosed(action);
        IdleReader borrowed = null;
        try {
            borrowed = borrowReader();
            R result = borrowed.handle().inTransaction(work);
            giveBack(borrowed);
            borrowed = null;
            return result;
        } catch (JdbiException e) {
            throw StorageFailures.translate(action, file, e);
        } finally {
            if (borrowed != null) {
                closeQuietly(borrowed.handle());
            }
        }
    }

    /**
     * An idle read connection of the same file, or a new one. Opening a connection costs more CPU than most reads
     * (about 0.75 ms: pragmas, schema), and the worker reads several times per message.
     */
    private IdleReader borrowReader() {
        if (writePath.keepWriterOpen()) {
            Object current = fileKey();
            for (var idle = idleReaders.pollFirst(); idle != null; idle = idleReaders.pollFirst()) {
                idleReaderCount.decrementAndGet();
                if (idle.file().equals(current)) {
                    return idle;
                }
                closeQuietly(idle.handle());
            }
        }
        var handle = reader.open();
        return new IdleReader(handle, fileKey());
    }

    private void giveBack(IdleReader borrowed) {
        if (!closed && writePath.keepWriterOpen() && idleReaderCount.incrementAndGet() <= MAX_IDLE_READERS) {
            idleReaders.offerFirst(borrowed); // last in, first out: the warmest connection goes next
            if (closed) {
                closeIdleReaders();
            }
            return;
        }
        if (writePath.keepWriterOpen()) {
            idleReaderCount.decrementAndGet();
        }
        closeQuietly(borrowed.handle());
    }

    private void closeIdleReaders() {
        for (var idle = idleReaders.pollFirst(); idle != null; idle = idleReaders.pollFirst()) {
            idleReaderCount.decrementAndGet();
            closeQuietly(idle.handle());
        }
    }

    private void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            log.debug("closing a connection to {} failed: {}", file, e.toString());
        }
    }

    /** A read connection kept open between reads, with the identity of the file it has open. */
    private record IdleReader(Handle handle, Object file) {}

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
            throw StorageFailures.migrationFailed(file, e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode transactionMode) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL unless a write asks for less (Commit.BUFFERED): in WAL mode NORMAL may lose the last commits on
        // power loss, and the inbox promises the channel that a delivery is on disk before it answers 200.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(transactionMode);
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }
}
