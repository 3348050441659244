package sportello.sqlite.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import sportello.domain.conversation.Mode;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationQuery;
import sportello.sqlite.SqliteAnalytics;
import sportello.sqlite.SqliteConversations;
import sportello.sqlite.SqliteDatabase;

/**
 * Not a test: times the conversation list and the analytics on a database of 100,000 conversations and
 * 1,000,000 messages, spread over a year, as a busy shop would have after one. Run it with
 *
 * <pre>
 * ./mvnw -q -pl adapter-sqlite test-compile exec:java \
 *     -Dexec.mainClass=sportello.sqlite.bench.ListBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * The database is filled with plain batched SQL (a few tens of seconds), then each operation runs through the
 * adapter's public API, on a fresh connection per call as in the app: warm-up, then repetitions, median and p95.
 */
public final class ListBenchmark {

    private static final int CONVERSATIONS = ListBenchmarkData.CONVERSATIONS;
    private static final int MESSAGES = ListBenchmarkData.MESSAGES;
    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 30;
    private static final Instant NOW = ListBenchmarkData.NOW;
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private record Figure(String what, double medianMs, double p95Ms, double cpuMedianMs) {}

    private ListBenchmark() {}

    /** With a file argument ({@code -Dexec.args=/tmp/bench.db}) the database is kept, and reused if it exists. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            run(Path.of(args[0]));
            return;
        }
        Path dir = Files.createTempDirectory("sportello-bench");
        Path file = dir.resolve("sportello.db");
        try {
            run(file);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void run(Path file) throws SQLException, IOException {
        boolean reuse = Files.exists(file);
        var database = SqliteDatabase.migrated(file);
        long fillStart = System.nanoTime();
        var filled = reuse ? ListBenchmarkData.Filled.read(file) : ListBenchmarkData.fill(file);
        System.out.printf(
                Locale.ROOT,
                (reuse ? "reused" : "filled") + " %,d conversations, %,d messages, %,d usage rows in %.1f s (%,d MB)%n",
                CONVERSATIONS,
                filled.messages,
                filled.usageRows,
                (System.nanoTime() - fillStart) / 1e9,
                Files.size(file) / (1024 * 1024));

        long reconcileStart = System.nanoTime();
        var conversations = new SqliteConversations(database, ProfileSchema.standard());
        System.out.printf(
                Locale.ROOT,
                "first start: profile completeness of every conversation computed in %.0f ms%n",
                (System.nanoTime() - reconcileStart) / 1e6);
        var analytics = new SqliteAnalytics(database);

        var figures = new ArrayList<Figure>();
        figures.add(measure(
                "summaries, first page (50)", () -> conversations.summaries(ConversationQuery.page(NOW, 50, 0))));
        figures.add(measure(
                "summaries, deep page (offset 50,000)",
                () -> conversations.summaries(ConversationQuery.page(NOW, 50, 50_000))));
        figures.add(measure(
                "search by order number (one match, oldest)",
                () -> requireOne(conversations.summaries(search(filled.oldOrderNumber)))));
        figures.add(measure("search by surname (first page)", () -> conversations.summaries(search("moretti"))));
        figures.add(measure(
                "needs-attention filter (first page)",
                () -> conversations.summaries(new ConversationQuery(null, true, null, null, null, NOW, 50, 0))));
        figures.add(measure(
                "incomplete + bot + window open (first page)",
                () -> conversations.summaries(new ConversationQuery(null, false, false, Mode.BOT, true, NOW, 50, 0))));
        figures.add(measure("count, no filter", () -> conversations.count(ConversationQuery.page(NOW, 50, 0))));
        figures.add(measure(
                "count, incomplete profiles",
                () -> conversations.count(new ConversationQuery(null, false, false, null, null, NOW, 50, 0))));
        figures.add(measure(
                "count, window open",
                () -> conversations.count(new ConversationQuery(null, false, null, null, true, NOW, 50, 0))));
        figures.add(measure(
                "count, window closed",
                () -> conversations.count(new ConversationQuery(null, false, null, null, false, NOW, 50, 0))));
        figures.add(measure("count, search by order number", () -> conversations.count(search(filled.oldOrderNumber))));
        figures.add(measure(
                "byId, 50-message conversation",
                () -> conversations.byId(filled.fiftyMessages).orElseThrow()));
        LocalDate today = LocalDate.ofInstant(NOW, ROME);
        figures.add(measure("Analytics.report, 30 days", () -> analytics.report(today.minusDays(29), today, ROME)));
        figures.add(measure("Analytics.report, 365 days", () -> analytics.report(today.minusDays(364), today, ROME)));

        System.out.println();
        System.out.println("| Operation | median ms | p95 ms | CPU median ms |");
        System.out.println("|---|---:|---:|---:|");
        for (Figure f : figures) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", f.what, f.medianMs, f.p95Ms, f.cpuMedianMs);
        }
        var report = analytics.report(today.minusDays(29), today, ROME);
        System.out.printf(
                Locale.ROOT,
                "%n30-day report: %d days, bot %s, staff %s, %d handoff reasons, kinds %s%n",
                report.conversationsPerDay().size(),
                report.bot(),
                report.staff(),
                report.handoffs().size(),
                report.messagesByKind());
    }

    private static ConversationQuery search(String text) {
        return new ConversationQuery(text, false, null, null, null, NOW, 50, 0);
    }

    private static Object requireOne(List<?> list) {
        if (list.size() != 1) {
            throw new IllegalStateException("expected one match, got " + list.size());
        }
        return list;
    }

    /**
     * Wall time and this thread's CPU time (SQLite runs in the calling thread): on a shared machine the wall time
     * includes waiting for a core, the CPU time does not.
     */
    private static Figure measure(String what, java.util.function.Supplier<?> operation) {
        for (int i = 0; i < WARM_UP; i++) {
            Objects.requireNonNull(operation.get());
        }
        var threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[REPETITIONS];
        double[] cpu = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Objects.requireNonNull(operation.get());
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        var figure = new Figure(
                what, ms[REPETITIONS / 2], ms[(int) Math.ceil(0.95 * REPETITIONS) - 1], cpu[REPETITIONS / 2]);
        System.out.printf(
                Locale.ROOT,
                "%-45s median %7.1f ms   p95 %7.1f ms   cpu median %7.1f ms%n",
                what,
                figure.medianMs,
                figure.p95Ms,
                figure.cpuMedianMs);
        return figure;
    }

    // --- filling
}
