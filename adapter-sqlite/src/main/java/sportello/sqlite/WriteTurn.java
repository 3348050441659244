package sportello.sqlite;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The database's one write turn, handed over first come, first served within each {@link Priority}, the higher
 * priorities first. Inbox stores go first: a webhook is waiting for them, and a batch of them should wait for at
 * most the one transaction in progress, not for every worker write queued before it. The sender's writes go next:
 * a pipeline drains from its end, and behind hundreds of conversation lanes the sender (one thread, one write per
 * message sent) would send a message now and then while the backlog of answers grew. So that a steady stream of
 * those never keeps the others out until they give up (the busy timeout), any waiter that has waited
 * {@link #LONGEST_BYPASS} goes next whatever its priority. Waiters park in Java, never in SQLite's native busy
 * handler (which would pin a virtual thread's carrier).
 */
final class WriteTurn {

    /** How long higher priorities may go before a waiter, at most: well below the busy timeout. */
    static final Duration LONGEST_BYPASS = Duration.ofSeconds(1);

    /** Who gets the turn first when several wait. */
    enum Priority {
        /** Someone outside waits for this write (a webhook's answer, {@code /health}). */
        FIRST,
        /** Writes of the end of the pipeline (sending replies). */
        NEXT,
        /** Everything else, the worker's writes among them. */
        LAST
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<ArrayDeque<Waiter>> queues = // guarded by lock, one per priority
            Stream.generate(ArrayDeque<Waiter>::new)
                    .limit(Priority.values().length)
                    .toList();
    private boolean held; // guarded by lock
    private final LongSupplier nanoTime;

    WriteTurn() {
        this(System::nanoTime);
    }

    /** With the clock that times how long waiters have waited, for tests. */
    WriteTurn(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Waits at most {@code timeout} for the turn.
     *
     * @return true when the caller now holds the turn and must {@link #release()} it
     */
    boolean acquire(Priority priority, long timeout, TimeUnit unit) throws InterruptedException {
        var waiter = new Waiter(nanoTime.getAsLong());
        lock.lock();
        try {
            if (!held) {
                held = true;
                return true;
            }
            queues.get(priority.ordinal()).addLast(waiter);
        } finally {
            lock.unlock();
        }
        try {
            if (waiter.granted.await(timeout, unit)) {
                return true;
            }
        } catch (InterruptedException e) {
            if (withdraw(waiter, priority)) {
                release(); // granted just as the interrupt came: pass it on
            }
            throw e;
        }
        return withdraw(waiter, priority);
    }

    /** Gives the turn to the oldest waiter of the highest priority waiting, or frees it. */
    void release() {
        lock.lock();
        try {
            Waiter next = longestBypassed();
            for (int p = 0; next == null && p < queues.size(); p++) {
                next = queues.get(p).pollFirst();
            }
            if (next == null) {
                held = false;
            } else {
                next.granted.countDown(); // the turn passes without ever being free
            }
        } finally {
            lock.unlock();
        }
    }

    /** The oldest waiter of a lower priority, taken off its queue if it has waited too long. */
    private Waiter longestBypassed() {
        long now = nanoTime.getAsLong();
        for (int p = queues.size() - 1; p > 0; p--) {
            var oldest = queues.get(p).peekFirst();
            if (oldest != null && now - oldest.since >= LONGEST_BYPASS.toNanos()) {
                return queues.get(p).pollFirst();
            }
        }
        return null;
    }

    /** Writers waiting for the turn. */
    int waiting() {
        lock.lock();
        try {
            return queues.stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    /**
     * After a timeout or an interrupt: leaves the queue, unless the turn was handed over meanwhile.
     *
     * @return true when the turn was granted after all, so the caller holds it
     */
    private boolean withdraw(Waiter waiter, Priority priority) {
        lock.lock();
        try {
            return !queues.get(priority.ordinal()).remove(waiter);
        } finally {
            lock.unlock();
        }
    }

    private static final class Waiter {
        final CountDownLatch granted = new CountDownLatch(1);
        final long since;

        Waiter(long since) {
            this.since = since;
        }
    }
}
