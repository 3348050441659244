package sportello.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * New customers writing at a steady rate, each once, until stopped or all have written; Meta delivers each message
 * and redelivers it until Sportello acknowledges it.
 */
final class CustomerLoad {

    private final Meta meta;
    private final String run;
    private final int perSecond;
    private final int limit;
    private final List<Customer> customers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    CustomerLoad(Meta meta, String run, int perSecond, int limit) {
        this.meta = meta;
        this.run = run;
        this.perSecond = perSecond;
        this.limit = limit;
    }

    void start() {
        running.set(true);
        thread = Thread.ofPlatform().name("customers").start(() -> {
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (int i = 0; running.get() && i < limit; i++) {
                var customer = Customer.number(run, 1, i);
                customers.add(customer);
                meta.deliver("message:" + customer.phone(), SignedWebhooks.text(customer));
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        });
    }

    /** Stops the writing (also when it was never started) and waits for the writer to end. */
    void stop() {
        running.set(false);
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The customers who wrote so far. */
    List<Customer> customers() {
        return List.copyOf(customers);
    }
}
