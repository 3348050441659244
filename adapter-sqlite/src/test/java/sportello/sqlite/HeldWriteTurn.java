package sportello.sqlite;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.HandleConsumer;

/**
 * Keeps the database's write turn busy with an open transaction until closed, so a test can line writers up behind
 * it and know they overlap; what the transaction did is committed on close. No timing involved.
 */
final class HeldWriteTurn implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<?> holder;

    private HeldWriteTurn(SqliteDatabase database, HandleConsumer<RuntimeException> inside) {
        holder = thread.submit(() -> database.useWriteTransaction("hold the write turn", handle -> {
            try {
                inside.useHandle(handle);
            } finally {
                held.countDown(); // also when it failed, so the test fails instead of waiting for ever
            }
            awaitRelease();
        }));
    }

    /** Takes the write turn, runs {@code inside} in its transaction, and returns once the turn is held. */
    static HeldWriteTurn take(SqliteDatabase database, HandleConsumer<RuntimeException> inside)
            throws InterruptedException {
        var turn = new HeldWriteTurn(database, inside);
        turn.held.await();
        return turn;
    }

    static HeldWriteTurn take(SqliteDatabase database) throws InterruptedException {
        return take(database, handle -> {});
    }

    /** Spins until {@code condition} holds, e.g. until the expected writers are queued; the test timeout bounds it. */
    static void awaitUntil(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Thread.yield();
        }
    }

    /** Commits the held transaction and gives the turn to the next writer. */
    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            holder.get();
        } finally {
            thread.shutdown();
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the write turn", e);
        }
    }
}
