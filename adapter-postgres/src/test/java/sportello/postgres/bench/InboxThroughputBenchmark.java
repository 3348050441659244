package sportello.postgres.bench;

import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import sportello.domain.customer.Customer;
import sportello.ports.out.RawDelivery;
import sportello.postgres.PostgresDatabase;
import sportello.postgres.PostgresInbox;
import sportello.postgres.TestServerAccess;

/**
 * How many webhook deliveries a second one and two instances store durably and then work off (pending, markDone),
 * on the test server (fsync on). On demand only, never in {@code verify}:
 *
 * <pre>./mvnw -o -pl adapter-postgres test -Dtest=InboxThroughputBenchmark -Dsportello.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "sportello.bench", matches = "true")
@TestMethodOrder(MethodOrderer.MethodName.class)
class InboxThroughputBenchmark {

    private static final int DELIVERIES = 4000;
    private static final int CUSTOMERS = 400;
    private static final int WRITERS_PER_INSTANCE = 16;

    /** Untimed: the first run of a JVM also measures class loading and the JIT. */
    @Test
    void a_warmUp() throws Exception {
        run(2);
    }

    @Test
    void b_oneInstance() throws Exception {
        run(1);
    }

    @Test
    void c_twoInstances() throws Exception {
        run(2);
    }

    private static void run(int instances) throws Exception {
        try (var databases = TestServerAccess.databases()) {
            String url = databases.freshUrl();
            var inboxes = new ArrayList<PostgresInbox>();
            for (int i = 0; i < instances; i++) {
                // stores run on the urgent pool, the work-off on the work pool: a connection for each writer either way
                inboxes.add(new PostgresInbox(databases.open(
                        url, new PostgresDatabase.Connections(WRITERS_PER_INSTANCE, 1, WRITERS_PER_INSTANCE + 2))));
            }
            var next = new AtomicInteger();
            long start = System.nanoTime();
            var writers = new ArrayList<Thread>();
            for (var inbox : inboxes) {
                for (int w = 0; w < WRITERS_PER_INSTANCE; w++) {
                    writers.add(Thread.ofVirtual().start(() -> {
                        for (int n = next.getAndIncrement(); n < DELIVERIES; n = next.getAndIncrement()) {
                            store(inbox, n);
                        }
                    }));
                }
            }
            for (var writer : writers) {
                writer.join();
            }
            long stored = System.nanoTime();
            var handled = new AtomicInteger();
            var workers = new ArrayList<Thread>();
            for (var inbox : inboxes) {
                workers.add(Thread.ofVirtual().start(() -> {
                    // like the lanes: each batch's entries handled side by side, each marked done on its own
                    for (var batch = inbox.pending(500); !batch.isEmpty(); batch = inbox.pending(500)) {
                        try (var lanes = Executors.newVirtualThreadPerTaskExecutor()) {
                            batch.forEach(entry -> lanes.submit(() -> {
                                inbox.markDone(entry.id());
                                handled.incrementAndGet();
                            }));
                        }
                    }
                }));
            }
            for (var worker : workers) {
                worker.join();
            }
            long done = System.nanoTime();
            System.out.printf(
                    "BENCH %d instance(s): stored %d deliveries in %d ms (%.0f/s, %d writers), worked off %d in %d ms"
                            + " (%.0f/s)%n",
                    instances,
                    DELIVERIES,
                    Duration.ofNanos(stored - start).toMillis(),
                    DELIVERIES / ((stored - start) / 1e9),
                    writers.size(),
                    handled.get(),
                    Duration.ofNanos(done - stored).toMillis(),
                    handled.get() / ((done - stored) / 1e9));
        }
    }

    private static void store(PostgresInbox inbox, int n) {
        var customer = Customer.of("IT.%016d".formatted(n % CUSTOMERS), null, "Cliente");
        inbox.store(
                new RawDelivery("whatsapp", ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), Instant.now()),
                List.of(text(customer, "wamid." + n, "ciao")),
                List.of());
    }
}
