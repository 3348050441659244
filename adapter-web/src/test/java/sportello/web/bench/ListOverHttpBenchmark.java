package sportello.web.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import sportello.domain.conversation.Mode;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.StaticTemplates;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.ConversationQuery;
import sportello.ports.usecase.ChangingMode;
import sportello.ports.usecase.CheckingHealth;
import sportello.ports.usecase.EditingProfile;
import sportello.ports.usecase.ManagingCustomerData;
import sportello.ports.usecase.QueryingAnalytics;
import sportello.ports.usecase.QueryingConversations;
import sportello.ports.usecase.ReceivingWebhook;
import sportello.ports.usecase.SendingStaffReply;
import sportello.ports.usecase.SendingTemplates;
import sportello.ports.usecase.SendingToCustomer;
import sportello.ports.usecase.ViewingMedia;
import sportello.sqlite.SqliteAnalytics;
import sportello.sqlite.SqliteConversations;
import sportello.sqlite.SqliteCustomerRecords;
import sportello.sqlite.SqliteDatabase;
import sportello.sqlite.SqliteInbox;
import sportello.sqlite.SqliteMediaStore;
import sportello.sqlite.SqliteOutbox;
import sportello.sqlite.bench.ListBenchmarkData;
import sportello.web.WebApp;
import sportello.web.access.WebAccess;
import sportello.web.live.LiveUpdates;

/**
 * Not a test: times the dashboard's conversation list and the JSON API over real HTTP, on the storage benchmark's
 * SQLite database (100,000 conversations, 1,000,000 messages; see {@link ListBenchmarkData}). The {@link WebApp}
 * is wired as the app wires it, on the real SQLite adapters, without a login (option A), with the clock fixed at
 * the data's "now"; the client is the JDK's {@link HttpClient} on one kept-alive connection. Run it in its own JVM
 * so that the heap figures are the server's (plus this small client), from the repository root:
 *
 * <pre>
 * ./mvnw -q -o -pl adapter-web test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-classpath %classpath sportello.web.bench.ListOverHttpBenchmark"
 * </pre>
 *
 * A last argument naming a file keeps the database there and reuses it on the next run (a file kept by the
 * storage benchmark works too). {@code exec:java -Dexec.mainClass=...} also runs it, inside Maven's JVM.
 */
public final class ListOverHttpBenchmark {

    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 30;
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private static final String HTML = "text/html";
    private static final String JSON = "application/json";
    private static final InstantSource CLOCK = InstantSource.fixed(ListBenchmarkData.NOW);
    private static final ProfileSchema SCHEMA = ProfileSchema.standard();

    /** One request, and the port calls its route makes (timed apart, in-process, for comparison). */
    private record Case(String what, String path, String accept, Supplier<?> portCalls) {}

    private record Figure(
            String what,
            String path,
            double medianMs,
            double p95Ms,
            double cpuMeanMs,
            double portsMedianMs,
            int bytes) {}

    private ListOverHttpBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            Path file = Path.of(args[args.length - 1]);
            run(file, file.resolveSibling(file.getFileName() + "-media"));
            return;
        }
        Path dir = Files.createTempDirectory("sportello-web-bench");
        try {
            run(dir.resolve("sportello.db"), dir.resolve("media"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void run(Path file, Path mediaDir) throws Exception {
        boolean reuse = Files.exists(file);
        var database = SqliteDatabase.migrated(file);
        long fillStart = System.nanoTime();
        var filled = reuse ? ListBenchmarkData.Filled.read(file) : ListBenchmarkData.fill(file);
        System.out.printf(
                Locale.ROOT,
                "%s %,d conversations, %,d messages in %.1f s (%,d MB)%n",
                reuse ? "reused" : "filled",
                ListBenchmarkData.CONVERSATIONS,
                filled.messages,
                (System.nanoTime() - fillStart) / 1e9,
                Files.size(file) / (1024 * 1024));

        long startup = System.nanoTime();
        var conversations = new SqliteConversations(database, SCHEMA);
        var app = webApp(database, conversations, mediaDir).create().start("127.0.0.1", 0);
        System.out.printf(
                Locale.ROOT,
                "web app on SQLite started in %.0f ms (profile completeness reconciled on the first start)%n",
                (System.nanoTime() - startup) / 1e6);
        String base = "http://127.0.0.1:" + app.port();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var queries = new QueryingConversations(conversations, SCHEMA, CLOCK, ConversationEvents.NONE);
        var cases = cases(queries, new QueryingAnalytics(new SqliteAnalytics(database), CLOCK, ROME), filled);
        var gcBefore = gcTotals();
        try {
            var figures = new ArrayList<Figure>();
            for (Case c : cases) {
                figures.add(measure(http, base, c));
            }
            System.out.println();
            System.out.println(
                    "| Request | median ms | p95 ms | CPU ms per request | same port calls in-process, median ms | body KB |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Figure f : figures) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s (`GET %s`) | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                        f.what,
                        f.path,
                        f.medianMs,
                        f.p95Ms,
                        f.cpuMeanMs,
                        f.portsMedianMs,
                        f.bytes / 1024.0);
            }
            printMemory(gcBefore);
        } finally {
            app.stop();
            database.close();
        }
    }

    /** The requests, as staff and integrations make them, on the data's known search terms and conversation. */
    private static List<Case> cases(
            QueryingConversations queries, QueryingAnalytics analytics, ListBenchmarkData.Filled filled) {
        var now = ListBenchmarkData.NOW;
        var attention = new ConversationQuery(null, true, null, null, null, now, 1, 0);
        var firstPage = ConversationQuery.page(now, 50, 0);
        var deepPage = ConversationQuery.page(now, 50, 50_000);
        var byOrder = new ConversationQuery(filled.oldOrderNumber, false, null, null, null, now, 50, 0);
        var bySurname = new ConversationQuery("moretti", false, null, null, null, now, 50, 0);
        var needsAttention = new ConversationQuery(null, true, null, null, null, now, 50, 0);
        var incomplete = new ConversationQuery(null, false, false, Mode.BOT, true, now, 50, 0);
        String order = URLEncoder.encode(filled.oldOrderNumber, StandardCharsets.UTF_8);
        return List.of(
                page("dashboard, first page (50)", "/dashboard", queries, firstPage, attention),
                page("dashboard, deep page (offset 50,000)", "/dashboard?page=1001", queries, deepPage, attention),
                page(
                        "dashboard, search by order number (one match)",
                        "/dashboard?q=" + order,
                        queries,
                        byOrder,
                        attention),
                page("dashboard, search by surname", "/dashboard?q=moretti", queries, bySurname, attention),
                page(
                        "dashboard, needs-attention filter",
                        "/dashboard?attention=true",
                        queries,
                        needsAttention,
                        attention),
                page(
                        "dashboard, incomplete + bot + window open",
                        "/dashboard?complete=false&mode=BOT&window=open",
                        queries,
                        incomplete,
                        attention),
                api("API list, first page (50)", "/api/conversations", queries, firstPage),
                api("API list, offset 50,000", "/api/conversations?offset=50000", queries, deepPage),
                api("API list, search by order number", "/api/conversations?q=" + order, queries, byOrder),
                new Case(
                        "API conversation, 50 messages",
                        "/api/conversations/" + filled.fiftyMessages.value(),
                        JSON,
                        () -> queries.byId(filled.fiftyMessages).orElseThrow()),
                new Case("API analytics, 30 days", "/api/analytics?days=30", JSON, () -> analytics.lastDays(30)));
    }

    /** A page of the dashboard list reads the page, the count of the filter, and the needs-attention count. */
    private static Case page(
            String what,
            String path,
            QueryingConversations queries,
            ConversationQuery query,
            ConversationQuery attention) {
        return new Case(what, path, HTML, () -> {
            queries.count(attention);
            queries.count(query);
            return queries.list(query);
        });
    }

    /** A page of the JSON list reads the page and the count of the filter ({@code X-Total-Count}). */
    private static Case api(String what, String path, QueryingConversations queries, ConversationQuery query) {
        return new Case(what, path, JSON, () -> {
            queries.count(query);
            return queries.list(query);
        });
    }

    /** The use cases as the app's wiring builds them, on SQLite; the channel side is never called by a GET. */
    private static WebApp webApp(SqliteDatabase database, SqliteConversations conversations, Path mediaDir)
            throws IOException {
        var json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        InstantSource clock = CLOCK;
        var schema = SCHEMA;
        var live = new LiveUpdates();
        var outbox = new SqliteOutbox(database);
        Files.createDirectories(mediaDir);
        var media = new SqliteMediaStore(database, mediaDir, clock);
        Runnable wake = () -> {};
        var useCases = new WebApp.UseCases(
                new ReceivingWebhook("bench", new StubWebhookReader(), new SqliteInbox(database), clock, wake, live),
                new CheckingHealth(List.of()),
                new QueryingConversations(conversations, schema, clock, live),
                new SendingStaffReply(conversations, outbox, clock, wake, live),
                new ChangingMode(conversations, live),
                new EditingProfile(conversations, schema, clock, live),
                new QueryingAnalytics(new SqliteAnalytics(database), clock, ROME),
                new ManagingCustomerData(new SqliteCustomerRecords(database), media, clock, live),
                new SendingToCustomer(conversations, outbox, clock, wake, live),
                new ViewingMedia(media),
                new SendingTemplates(new StaticTemplates(), conversations, outbox, clock, wake, live));
        return new WebApp(useCases, WebAccess.localNetworkOnly(), live, clock, ROME, json);
    }

    /**
     * Wall time from sending the request to having read the whole body; the CPU time of the whole process (server
     * and client) over the timed requests, divided by their number, which leaves out time spent waiting for a core
     * on a shared machine; and, for comparison, the same port calls the route makes, timed in-process without HTTP.
     */
    private static Figure measure(HttpClient http, String base, Case c) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + c.path()))
                .header("Accept", c.accept())
                .GET()
                .build();
        int bytes = 0;
        for (int i = 0; i < WARM_UP; i++) {
            bytes = send(http, request, c.path()).length;
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] ms = new double[REPETITIONS];
        long cpuStart = os.getProcessCpuTime();
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            send(http, request, c.path());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double cpuMean = (os.getProcessCpuTime() - cpuStart) / 1e6 / REPETITIONS;
        double[] ports = new double[REPETITIONS];
        for (int i = 0; i < WARM_UP; i++) {
            Objects.requireNonNull(c.portCalls().get());
        }
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            Objects.requireNonNull(c.portCalls().get());
            ports[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(ports);
        var figure = new Figure(
                c.what(),
                c.path(),
                ms[REPETITIONS / 2],
                ms[(int) Math.ceil(0.95 * REPETITIONS) - 1],
                cpuMean,
                ports[REPETITIONS / 2],
                bytes);
        System.out.printf(
                Locale.ROOT,
                "%-48s median %6.1f ms  p95 %6.1f ms  cpu %6.1f ms  ports %6.1f ms  %6.1f KB%n",
                c.what(),
                figure.medianMs,
                figure.p95Ms,
                figure.cpuMeanMs,
                figure.portsMedianMs,
                bytes / 1024.0);
        return figure;
    }

    private static byte[] send(HttpClient http, HttpRequest request, String path)
            throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** The heap as left by the run, then after a full collection (what the server keeps), and the process's RSS. */
    private static void printMemory(long[] gcBefore) throws IOException {
        var memory = ManagementFactory.getMemoryMXBean();
        var gcAfter = gcTotals();
        var left = memory.getHeapMemoryUsage();
        System.gc();
        var kept = memory.getHeapMemoryUsage();
        System.out.printf(
                Locale.ROOT,
                "%nheap after the run: %d MB used, %d MB committed, max %d MB; after a full GC: %d MB used%n",
                left.getUsed() >> 20,
                left.getCommitted() >> 20,
                left.getMax() >> 20,
                kept.getUsed() >> 20);
        System.out.printf(
                Locale.ROOT,
                "GC during the measured requests: %d collections, %d ms; RSS %s; %d cores, JVM args %s%n",
                gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1],
                rss(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static String rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring("VmRSS:".length()).strip())
                .findFirst()
                .orElse("unknown");
    }
}
