package sportello.sqlite.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.StorageUnavailable;
import sportello.ports.out.Usage;
import sportello.ports.usecase.ConversationLanes;
import sportello.ports.usecase.DeliveringReplies;
import sportello.ports.usecase.InboxDispatcher;
import sportello.ports.usecase.ReceivingCustomerMessage;
import sportello.sqlite.SqliteConversations;
import sportello.sqlite.SqliteDatabase;
import sportello.sqlite.SqliteInbox;
import sportello.sqlite.SqliteOutbox;
import sportello.sqlite.SqliteUsageLog;
import sportello.sqlite.WritePaths;

/**
 * Not a test: webhook stores while the worker answers them, all on SQLite, to compare ways of writing. The real use
 * cases run over the SQLite adapters (inbox dispatcher and customer-message handling in conversation lanes, reply
 * delivery), with an agent that answers at once (logging one model usage) and a channel that accepts at once; no
 * HTTP. 32 virtual threads each store their next webhook (a new customer each) as soon as the previous one is
 * committed, while the worker processes what was stored: the storage share of the "ack" scenario of
 * {@code bench/LoadBench.java}, with the worker's writes competing for the write turn. Each write path gets a fresh
 * database (or two, when the inbox has its own file), a warm-up, then the measured seconds, then the time for the
 * worker to answer everything. Run it with
 *
 * <pre>
 * ./mvnw -q -pl adapter-sqlite test-compile exec:java \
 *     -Dexec.mainClass=sportello.sqlite.bench.WritePathBenchmark -Dexec.classpathScope=test [-Dexec.args="10 all"]
 * </pre>
 *
 * Arguments: measured seconds (10) and which paths (all, or comma-separated names from the table).
 */
public final class WritePathBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int CLIENTS = 32;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final byte[] BODY = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
                    + "{\"messages\":[{\"text\":{\"body\":\""
                    + "Buongiorno, vorrei sapere se il mio ordine è già partito. ".repeat(12)
                    + "\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}")
            .getBytes(StandardCharsets.UTF_8);

    /** One way of writing: the database switches, and whether the inbox has a file of its own. */
    private record Path_(
            String name,
            boolean buffered,
            boolean urgentFirst,
            boolean keepOpen,
            boolean combineBuffered,
            boolean split) {}

    private static final List<Path_> PATHS = List.of(
            new Path_("before", false, false, false, false, false),
            new Path_("buffered", true, false, false, false, false),
            new Path_("buffered+urgent", true, true, false, false, false),
            new Path_("buffered+urgent+open", true, true, true, false, false),
            new Path_("buffered+urgent+open+combined", true, true, true, true, false),
            new Path_("split", false, false, false, false, true),
            new Path_("split+buffered+urgent+open+combined", true, true, true, true, true));

    private WritePathBenchmark() {}

    public static void main(String[] args) throws Exception {
        var measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        var names = args.length > 1 && !args[1].equals("all") ? List.of(args[1].split(",")) : null;
        System.out.printf(
                Locale.ROOT,
                "%d processors, Java %s; %d clients, %d s measured after %d s of warm-up%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                CLIENTS,
                measured.toSeconds(),
                WARM_UP.toSeconds());
        System.out.println("| Write path | stores/s | store p50 ms | p99 ms | max ms | failed | answered/s while"
                + " storing | backlog after | drained in s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var path : PATHS) {
            if (names == null || names.contains(path.name())) {
                run(path, measured);
            }
        }
    }

    private static void run(Path_ path, Duration measured) throws Exception {
        Path dir = Files.createTempDirectory("sportello-write-path-bench");
        var databases = new ArrayList<SqliteDatabase>();
        try {
            var main = open(dir.resolve("sportello.db"), path, databases);
            var inboxFile = path.split() ? open(dir.resolve("inbox.db"), path, databases) : main;
            var inbox = new SqliteInbox(inboxFile);
            var conversations = new SqliteConversations(main, ProfileSchema.standard());
            var outbox = new SqliteOutbox(main);
            var channel = new RecordingChannel();
            InstantSource clock = InstantSource.system();
            ReplyAgent agent = (conversation, schema, now, tools) -> new ReplyAgent.Answer.Reply(
                    "Grazie, controllo subito.",
                    List.of(new Usage("gpt-4.1-mini", 900, 0, 40, new BigDecimal("0.0004"), now)));
            var receiving = new ReceivingCustomerMessage(
                    new ReceivingCustomerMessage.Ports(
                            conversations,
                            inbox,
                            outbox,
                            agent,
                            channel,
                            new SqliteUsageLog(main),
                            ConversationEvents.NONE),
                    clock,
                    ProfileSchema.standard(),
                    "fallback",
                    () -> {});
            var replies = new DeliveringReplies(
                    outbox, conversations, channel, clock, DeliveringReplies.Policy.DEFAULT, ConversationEvents.NONE);
            try (var lanes = new ConversationLanes();
                    var loops = Executors.newVirtualThreadPerTaskExecutor()) {
                var dispatcher = new InboxDispatcher(inbox, receiving, lanes, clock, Duration.ZERO);
                var stop = new AtomicBoolean();
                loops.submit(() -> loop(stop, dispatcher::dispatchPending));
                loops.submit(() -> loop(stop, replies::deliverDue));

                storeFor(inbox, WARM_UP);
                int answeredBefore = channel.sent().size();
                var run = storeFor(inbox, measured);
                int answeredWhile = channel.sent().size() - answeredBefore;
                int stored = NEXT_ID.get();
                int backlog = inbox.pendingCount() + outbox.unsentCount();
                long drainStart = System.nanoTime();
                while (channel.sent().size() < stored - FAILED.get()
                        && System.nanoTime() - drainStart
                                < Duration.ofMinutes(5).toNanos()) {
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                double drained = (System.nanoTime() - drainStart) / 1e9;
                stop.set(true);
                report(path, run, answeredWhile, backlog, drained);
            }
        } finally {
            databases.forEach(SqliteDatabase::close);
            NEXT_ID.set(0);
            FAILED.set(0);
            deleteRecursively(dir);
        }
    }

    private static SqliteDatabase open(Path file, Path_ path, List<SqliteDatabase> opened) {
        var database =
                WritePaths.open(file, path.buffered(), path.urgentFirst(), path.keepOpen(), path.combineBuffered());
        opened.add(database);
        return database;
    }

    private static void loop(AtomicBoolean stop, Runnable work) {
        while (!stop.get()) {
            try {
                work.run();
            } catch (RuntimeException e) {
                System.err.println("worker: " + e.getMessage());
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    private static Run storeFor(SqliteInbox inbox, Duration length) throws InterruptedException {
        var run = new Run();
        long end = run.start + length.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            store(inbox);
                            run.latencies.add(System.nanoTime() - start);
                        } catch (StorageUnavailable e) {
                            if (run.failures.incrementAndGet() == 1) {
                                System.err.println("store failed: " + e.getMessage());
                            }
                            FAILED.incrementAndGet();
                        }
                    }
                });
            }
        }
        run.nanos = System.nanoTime() - run.start;
        return run;
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

    private static void report(Path_ path, Run run, int answeredWhile, int backlog, double drained) {
        long[] nanos = run.latencies.isEmpty()
                ? new long[] {0}
                : run.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = run.nanos / 1e9;
        System.out.println(String.format(
                Locale.ROOT,
                "| %s | %,.0f | %.1f | %.1f | %.1f | %d | %,.0f | %,d | %.1f |",
                path.name(),
                nanos.length / seconds,
                percentile(nanos, 0.50),
                percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6,
                run.failures.get(),
                answeredWhile / seconds,
                backlog,
                drained));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static final class Run {
        final long start = System.nanoTime();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();
        long nanos;
    }
}
