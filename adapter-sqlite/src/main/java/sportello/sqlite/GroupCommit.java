package sportello.sqlite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import sportello.ports.out.StorageUnavailable;

/**
 * Group commit: writes submitted at the same time share one transaction, so one fsync, and each caller still
 * returns only once its own write is committed. A write that finds no commit running is committed at once on its
 * caller's thread, so a lone writer never waits for company; writes arriving meanwhile queue, and when that commit
 * ends the oldest of them commits all that queued (up to a cap) together. The committer takes the database's write
 * turn like any other writer, and drains the queue only once it has it, so everything that arrived while it waited
 * goes into the same transaction.
 *
 * <p>If a shared transaction fails, its writes are retried one per transaction, so a write that cannot be stored
 * (say, one breaking a constraint) fails alone. A failure before any write ran (no write turn, no connection, the
 * database closed) is about none of them, and fails all of them at once.
 */
final class GroupCommit<T, R> {

    /** Writes items in the given transaction and returns one result per item, in order. */
    @FunctionalInterface
    interface BatchWrite<T, R> {
        List<R> write(Handle handle, List<T> items);
    }

    private final SqliteDatabase database;
    private final SqliteDatabase.Commit commit;
    private final String action;
    private final int maxBatch;
    private final BatchWrite<T, R> write;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
    private boolean committing; // guarded by lock; while false the queue is empty

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedWrites = new AtomicLong();

    /**
     * {@code action} names every write in errors ("store the delivery" gives "could not store the delivery: …");
     * {@code commit} says how its transactions commit and when they get the write turn.
     */
    GroupCommit(
            SqliteDatabase database,
            SqliteDatabase.Commit commit,
            String action,
            int maxBatch,
            BatchWrite<T, R> write) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.database = database;
        this.commit = commit;
        this.action = action;
        this.maxBatch = maxBatch;
        this.write = write;
    }

    /**
     * Writes {@code item} in a transaction, possibly shared with other callers' items, and returns its result once
     * that transaction is committed. The write may run on another caller's thread.
     *
     * @throws StorageUnavailable when the item was not committed
     */
    R submit(T item) {
        var mine = new Waiting<T, R>(item);
        // join, not get: a queued write cannot be taken back, so an interrupt must not let its caller leave before
        // it knows what became of it
        boolean commitsItself = queueUp(mine) || mine.outcome.join() instanceof Outcome.YourTurn<R>;
        if (!commitsItself) {
            return mine.outcome.join().result();
        }
        // another caller's interrupt must not fail the writes this thread commits for them
        boolean interrupted = Thread.interrupted();
        try {
            return commitQueue(mine).result();
        } finally {
            handOver();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Transactions committed, counting a retried write's own. */
    long commits() {
        return commits.get();
    }

    /** Writes those transactions carried. */
    long committedWrites() {
        return committedWrites.get();
    }

    /** Writes queued for the next commit (the committer's own included until it starts writing). */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Queues the write; true when no commit is running, so the caller commits the queue itself. */
    private boolean queueUp(Waiting<T, R> mine) {
        lock.lock();
        try {
            queue.addLast(mine);
            if (committing) {
                return false;
            }
            committing = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Passes the commit to the oldest queued write's caller, or notes that nobody is committing. */
    private void handOver() {
        lock.lock();
        try {
            var next = queue.peekFirst();
            if (next == null) {
                committing = false;
            } else {
                next.outcome.complete(new Outcome.YourTurn<>());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Commits what is queued, {@code mine} first (the committer is always the oldest waiting), tells the other
     * callers and returns the committer's own outcome.
     */
    private Outcome<R> commitQueue(Waiting<T, R> mine) {
        var batch = new ArrayList<Waiting<T, R>>();
        List<Outcome<R>> outcomes = List.of();
        try {
            outcomes = commitTogether(batch);
        } catch (RuntimeException e) {
            if (batch.isEmpty()) {
                outcomes = failAll(takeQueued(batch), e);
            } else {
                outcomes = batch.size() == 1 ? failAll(batch, e) : commitOneByOne(batch);
            }
        } finally {
            if (batch.isEmpty()) {
                takeQueued(batch); // only on an Error: the queued callers must not wait for ever
            }
            for (int i = 1; i < batch.size(); i++) {
                batch.get(i).outcome.complete(i < outcomes.size() ? outcomes.get(i) : abandoned());
            }
        }
        assert batch.getFirst() == mine : "the committer commits its own write first";
        return outcomes.getFirst();
    }

    private List<Outcome<R>> commitTogether(List<Waiting<T, R>> batch) {
        List<R> results = database.ownTransaction(action, commit, handle -> {
            var items = takeQueued(batch).stream().map(waiting -> waiting.item).toList();
            var written = write.write(handle, items);
            if (written.size() != items.size()) { // would give callers each other's results; roll back
                throw new IllegalStateException(written.size() + " results for " + items.size() + " items");
            }
            return written;
        });
        count(batch.size());
        return results.stream().<Outcome<R>>map(Outcome.Committed::new).toList();
    }

    /** After a shared transaction failed: each write in its own, so only the writes that cannot be stored fail. */
    private List<Outcome<R>> commitOneByOne(List<Waiting<T, R>> batch) {
        var outcomes = new ArrayList<Outcome<R>>(batch.size());
        for (var waiting : batch) {
            var started = new AtomicBoolean();
            try {
                R result = database.ownTransaction(action, commit, handle -> {
                    started.set(true);
                    return write.write(handle, List.of(waiting.item)).getFirst();
                });
                count(1);
                outcomes.add(new Outcome.Committed<>(result));
            } catch (RuntimeException e) {
                if (!started.get()) {
                    // no write turn or no connection: the rest would only wait for the same in turn
                    outcomes.addAll(failAll(batch.subList(outcomes.size(), batch.size()), e));
                    return outcomes;
                }
                outcomes.add(failed(e));
            }
        }
        return outcomes;
    }

    /** Moves the oldest queued writes, up to the cap, into {@code batch}. */
    private List<Waiting<T, R>> takeQueued(List<Waiting<T, R>> batch) {
        lock.lock();
        try {
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void count(int writes) {
        commits.incrementAndGet();
        committedWrites.addAndGet(writes);
    }

    private List<Outcome<R>> failAll(List<Waiting<T, R>> batch, RuntimeException e) {
        var failure = failed(e);
        return batch.stream().map(waiting -> failure).toList();
    }

    private Outcome<R> failed(RuntimeException e) {
        return new Outcome.Failed<>(
                e instanceof StorageUnavailable storage
                        ? storage
                        : new StorageUnavailable("could not " + action + ": " + e, e));
    }

    private Outcome<R> abandoned() {
        return new Outcome.Failed<>(
                new StorageUnavailable("could not " + action + ": the thread committing it failed", null));
    }

    /** A submitted item and how its caller learns what became of it. */
    private static final class Waiting<T, R> {
        final T item;
        final CompletableFuture<Outcome<R>> outcome = new CompletableFuture<>();

        Waiting(T item) {
            this.item = item;
        }
    }

    /** What a waiting caller is told. */
    private sealed interface Outcome<R> {

        /** The caller's result, or the failure rethrown on the caller's own thread. */
        R result();

        record Committed<R>(R value) implements Outcome<R> {
            @Override
            public R result() {
                return value;
            }
        }

        record Failed<R>(StorageUnavailable failure) implements Outcome<R> {
            @Override
            public R result() {
                // a fresh exception per caller, so each stack trace shows its own caller; same message
                throw new StorageUnavailable(failure.getMessage(), failure);
            }
        }

        /** Nobody is committing any more and this caller's write is the oldest: it commits the queue. */
        record YourTurn<R>() implements Outcome<R> {
            @Override
            public R result() {
                throw new IllegalStateException("a turn to commit is not a result");
            }
        }
    }
}
