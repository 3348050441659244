package sportello.ports.usecase;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work one key at a time and different keys in parallel: each key (a customer) gets a lane whose tasks run
 * in submission order on a virtual thread, so one conversation is never processed by two workers at once.
 */
public final class ConversationLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationLanes.class);

    private final Map<Object, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("conversation-", 0).factory());

    public void submit(Object key, Runnable task) {
        synchronized (lanes) {
            var queue = lanes.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            lanes.put(key, queue);
        }
        threads.execute(() -> drain(key));
    }

    private void drain(Object key) {
        while (true) {
            Runnable next;
            synchronized (lanes) {
                var queue = lanes.get(key);
                next = queue.peek();
                if (next == null) {
                    lanes.remove(key);
                    lanes.notifyAll();
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // the task's own error handling failed; the lane must go on with the next conversation step
                log.error("Task for {} failed", key, e);
            } finally {
                synchronized (lanes) {
                    lanes.get(key).poll();
                }
            }
        }
    }

    /** Waits until every lane has run all it was given; true if that happened within {@code timeout}. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lanes) {
            while (!lanes.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lanes.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops taking work and waits for running tasks to finish. */
    public boolean drain(Duration timeout) throws InterruptedException {
        threads.shutdown();
        return threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
