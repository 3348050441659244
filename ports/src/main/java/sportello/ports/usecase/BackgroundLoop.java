package sportello.ports.usecase;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an action when woken, and at least every {@code tick}, on its own thread until stopped. */
public final class BackgroundLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Runnable action;
    private final Duration tick;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public BackgroundLoop(String name, Duration tick, Runnable action) {
        this.name = name;
        this.tick = tick;
        this.action = action;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon(true).start(this::loop);
    }

    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("{} failed; trying again in {} ms: {}", name, tick.toMillis(), e.getMessage(), e);
            }
            try {
                wakeups.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            wakeups.release();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
