package sportello.sqlite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;
import sportello.sqlite.SqliteDatabase;
import sportello.sqlite.SqliteInbox;

/**
 * Not a test: how fast {@link SqliteInbox#store} acknowledges deliveries with group commit, each on a durable
 * (WAL, synchronous=FULL) commit. Closed loop: 32 and 256 virtual threads each store their next delivery as soon
 * as the previous one is committed. Open loop: 1,000 deliveries a second, each on its own virtual thread, latency
 * counted from when it was due. Each scenario gets a fresh database and a warm-up. Run it with
 *
 * <pre>
 * ./mvnw -q -pl adapter-sqlite test-compile exec:java \
 *     -Dexec.mainClass=sportello.sqlite.bench.StoreBenchmark -Dexec.classpathScope=test [-Dexec.args=10]
 * </pre>
 *
 * The argument is the measured seconds per scenario (10 unless given).
 */
public final class StoreBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int OPEN_LOOP_RATE = 1_000;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** About the size of one WhatsApp webhook carrying one text message. */
    private static final byte[] BODY =
            ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                            + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                            + "\"contacts\":[{\"profile\":{\"name\":\"Giulia Rossi\"},\"wa_id\":\"393331234567\"}],"
                            + "\"messages\":[{\"from\":\"393331234567\",\"id\":\"wamid.x\",\"timestamp\":\"1764061200\","
                            + "\"text\":{\"body\":\""
                            + "Buongiorno, vorrei sapere se il mio ordine è già partito. ".repeat(8)
                            + "\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}")
                    .getBytes(StandardCharsets.UTF_8);

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        var measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        System.out.printf(
                Locale.ROOT,
                "%d processors, %s %s, Java %s; %d s per scenario after %d s of warm-up%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                measured.toSeconds(),
                WARM_UP.toSeconds());
        System.out.println(
                "| Scenario | stored | failed | stores/s | p50 ms | p99 ms | max ms | commits | deliveries/commit |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int clients : new int[] {32, 256}) {
            onFreshDatabase(inbox -> {
                closedLoop(inbox, clients, WARM_UP);
                report(clients + " clients, closed loop", inbox, () -> closedLoop(inbox, clients, measured));
            });
        }
        onFreshDatabase(inbox -> {
            openLoop(inbox, WARM_UP);
            report(OPEN_LOOP_RATE + "/s, open loop", inbox, () -> openLoop(inbox, measured));
        });
    }

    /** Each client stores its next delivery when the previous one is committed. */
    private static Run closedLoop(SqliteInbox inbox, int clients, Duration length) throws InterruptedException {
        var run = new Run();
        long end = run.start + length.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        run.timeStore(inbox, System.nanoTime());
                    }
                });
            }
        }
        return run.finish();
    }

    /** Deliveries fall due at a fixed rate whatever happened to the earlier ones; latency counts from the due time. */
    private static Run openLoop(SqliteInbox inbox, Duration length) throws InterruptedException {
        var run = new Run();
        long count = length.toSeconds() * OPEN_LOOP_RATE;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = run.start + i * 1_000_000_000L / OPEN_LOOP_RATE;
                LockSupport.parkNanos(due - System.nanoTime());
                threads.submit(() -> run.timeStore(inbox, due));
            }
        }
        return run.finish();
    }

    private static void store(SqliteInbox inbox) {
        int id = NEXT_ID.incrementAndGet();
        var customer = Customer.of("IT." + (1_000_000_000_000_000L + id), "39333" + id, "Cliente " + id);
        var message = new CustomerMessage(
                "106540352242922",
                "wamid.bench." + id,
                customer,
                MessageKind.TEXT,
                "Buongiorno, vorrei sapere se il mio ordine è già partito.",
                Instant.now(),
                "{\"type\":\"text\"}");
        inbox.store(new RawDelivery("whatsapp", BODY, Instant.now()), List.of(message), List.of());
    }

    private static void report(String scenario, SqliteInbox inbox, Scenario scenarioRun) throws Exception {
        var before = inbox.storeCommits();
        var run = scenarioRun.run();
        var after = inbox.storeCommits();
        long commits = after.commits() - before.commits();
        long[] nanos =
                run.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String line = String.format(
                Locale.ROOT,
                "| %s | %,d | %,d | %,.0f | %.1f | %.1f | %.1f | %,d | %.1f |",
                scenario,
                nanos.length,
                run.failures.get(),
                nanos.length / (run.nanos / 1e9),
                percentile(nanos, 0.50),
                percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6,
                commits,
                (double) (after.deliveries() - before.deliveries()) / commits);
        System.out.println(line);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void onFreshDatabase(Benchmark benchmark) throws Exception {
        Path dir = Files.createTempDirectory("sportello-store-bench");
        try (var database = SqliteDatabase.migrated(dir.resolve("sportello.db"))) {
            benchmark.run(new SqliteInbox(database));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Latencies of the stores that succeeded, from {@code since} (the call, or when it was due) to the return. */
    private static final class Run {
        final long start = System.nanoTime();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();
        long nanos;

        void timeStore(SqliteInbox inbox, long since) {
            try {
                store(inbox);
                latencies.add(System.nanoTime() - since);
            } catch (StorageUnavailable e) {
                failures.incrementAndGet();
            }
        }

        Run finish() {
            nanos = System.nanoTime() - start;
            return this;
        }
    }

    private interface Scenario {
        Run run() throws Exception;
    }

    private interface Benchmark {
        void run(SqliteInbox inbox) throws Exception;
    }
}
