import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load harness for Sportello: fake Graph and OpenAI servers in this process, the real jar as a child process
 * ({@code java -jar}, default JVM settings), signed webhooks from the JDK HttpClient. Needs only a JDK 21+.
 *
 * <pre>java bench/LoadBench.java --jar /tmp/bench-jar/sportello.jar [--scenarios ack,e2e,sustained,slow] ...</pre>
 *
 * See bench/README.md for the scenarios and every option.
 */
public final class LoadBench {

    static final String PHONE_ID = "106540352242922";
    static final String APP_SECRET = "bench-app-secret-5f2d0c7a9e1b4d3c";
    static final String EXPECTED_REPLY = "Sabato chiudiamo";
    static final Pattern TO = Pattern.compile("\"(?:to|recipient)\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern BACKLOG = Pattern.compile("inbox (\\d+), outbox (\\d+)");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    static final boolean DEBUG = System.getenv("BENCH_DEBUG") != null;
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("jar", "/tmp/bench-jar/sportello.jar");
        DEFAULTS.put("scenarios", "ack,e2e,sustained,slow");
        DEFAULTS.put("out", "/tmp/sportello-bench");
        DEFAULTS.put("clients", "32"); // closed-loop clients for the ack test
        DEFAULTS.put("ack-requests", "5000"); // webhooks in the measured ack run (and as many GET /health)
        DEFAULTS.put("warmup", "1000"); // unmeasured webhooks and health requests before the ack run
        DEFAULTS.put("e2e-messages", "500");
        DEFAULTS.put("e2e-rate", "20"); // messages per second
        DEFAULTS.put("rate", "1000"); // sustained: webhooks per second, open loop; a list (200,400) runs one scenario per rate
        DEFAULTS.put("duration", "60"); // sustained: seconds
        DEFAULTS.put("max-in-flight", "512"); // open loop: harness-side cap on concurrent requests
        DEFAULTS.put("shed-after-ms", "1000"); // open loop: a request with no free slot this long after its due time is dropped
        DEFAULTS.put("request-timeout", "10"); // seconds; a webhook not answered in time counts as an error
        DEFAULTS.put("slow-latency-ms", "2000");
        DEFAULTS.put("slow-rate", "50");
        DEFAULTS.put("slow-duration", "30");
        DEFAULTS.put("drain-timeout", "600"); // seconds to wait for the backlog to drain
        DEFAULTS.put("heap-every", "10"); // seconds between jcmd GC.heap_info samples (0 = never)
        DEFAULTS.put("openai-fixture", "/work/shared/reference/fixtures/openai/response-text.json");
        DEFAULTS.put("instances", "1"); // Sportello children sharing the database, webhooks round-robin over them
        // JVM options for the children, space separated (before -jar); the default is the README's run command, with
        // the class-data archive next to the jar so that every child after the first starts from it. "none": plain java -jar
        DEFAULTS.put("jvm-options", "readme");
        DEFAULTS.put("pg-bin", ""); // PostgreSQL bin dir: the harness runs its own throwaway server, a new database per scenario
        DEFAULTS.put("database-url", ""); // existing PostgreSQL (postgresql://...): schema public dropped and recreated per scenario
    }

    static Map<String, String> opts;
    static PrintStream report;
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** For /health polling and startup, apart from the load's connections. */
    static final HttpClient CONTROL = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final List<String> SUMMARY = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        // The fakes must not close idle keep-alive connections before Sportello's OkHttp does (5 min): the JDK
        // server's 30 s default made OkHttp report "unexpected end of stream" on reused connections.
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        opts = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("java bench/LoadBench.java [--key value]...; defaults:");
                DEFAULTS.forEach((k, v) -> System.out.println("  --" + k + " " + v));
                return;
            }
            if (!a.startsWith("--") || i + 1 >= args.length || !DEFAULTS.containsKey(a.substring(2))) {
                throw new IllegalArgumentException("unknown or incomplete option " + a + " (try --help)");
            }
            opts.put(a.substring(2), args[++i]);
        }
        Path out = Path.of(opts.get("out"));
        Files.createDirectories(out);
        report = new PrintStream(Files.newOutputStream(out.resolve("report.txt")), true, StandardCharsets.UTF_8);
        log("Sportello load harness, " + Instant.now() + ", java " + Runtime.version() + " ("
                + System.getProperty("java.home") + "), " + Runtime.getRuntime().availableProcessors() + " cpus");
        log("options " + opts);
        log("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Database.init(out);
        log("children: " + intOpt("instances") + " instance(s), storage " + Database.describe() + ", JVM options "
                + jvmOptions(Path.of(opts.get("jar"))));
        for (String s : opts.get("scenarios").split(",")) {
            switch (s.trim()) {
                case "ack" -> ack();
                case "e2e" -> e2e();
                case "sustained" -> {
                    for (String r : opts.get("rate").split(",")) sustained(Integer.parseInt(r.trim()));
                }
                case "slow" -> slow();
                default -> throw new IllegalArgumentException("unknown scenario " + s);
            }
        }
        log("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Database.stop();
        log("");
        log("==== SUMMARY ====");
        SUMMARY.forEach(LoadBench::log);
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    static void ack() throws Exception {
        section("1. webhook ack throughput and latency vs GET /health");
        int clients = intOpt("clients"), n = intOpt("ack-requests"), warm = intOpt("warmup");
        try (var env = Env.start("ack", 0)) {
            Webhooks warmHooks = new Webhooks(1, warm);
            Webhooks hooks = new Webhooks(2, n);
            env.mem.phase("warmup");
            closedLoop(clients, warm, warmHooks::request, warmHooks);
            closedLoop(clients, warm, i -> healthRequest(env.port(i)));
            env.drain(acked(warmHooks), "warmup");
            logErrorKinds("warm-up webhook");
            env.mem.phase("health");
            Result health = closedLoop(clients, n, i -> healthRequest(env.port(i)));
            log("GET /health: " + health);
            env.mem.phase("ack");
            Result ack = closedLoop(clients, n, hooks::request, hooks);
            log("POST /webhook: " + ack);
            logErrorKinds("webhook");
            double ratio = ack.throughput() / health.throughput();
            log(String.format("ack/health throughput ratio: %.2f", ratio));
            env.mem.phase("drain");
            Drain d = env.drain(acked(warmHooks, hooks), "ack");
            Verify v = env.verify(List.of(warmHooks, hooks));
            SUMMARY.add(String.format(
                    "ack | %d clients, %d requests | health %.0f req/s p50 %.2f ms p99 %.2f ms | webhook %.0f req/s"
                            + " p50 %.2f ms p99 %.2f ms max %.2f ms errors %d | ratio %.2f | drain %s | %s | %s",
                    clients, n, health.throughput(), health.all.p(50), health.all.p(99), ack.throughput(),
                    ack.all.p(50), ack.all.p(99), ack.all.max(), ack.errors, ratio, d, v, env.summary()));
        }
    }

    static void e2e() throws Exception {
        section("2. end to end: webhook POST -> reply at fake Graph (zero-latency fakes, debounce 0)");
        int n = intOpt("e2e-messages"), rate = intOpt("e2e-rate");
        try (var env = Env.start("e2e", 0)) {
            Webhooks warmHooks = new Webhooks(1, 100);
            env.mem.phase("warmup");
            openLoop(50, 100, warmHooks);
            env.drain(acked(warmHooks), "warmup");
            logErrorKinds("warm-up webhook");
            Webhooks hooks = new Webhooks(3, n);
            env.mem.phase("e2e");
            Result sent = openLoop(rate, n, hooks);
            log("acks: " + sent);
            logErrorKinds("webhook");
            Drain d = env.drain(acked(warmHooks, hooks), "e2e");
            long[] e2e = new long[n];
            int got = 0;
            for (int i = 0; i < n; i++) {
                Long at = env.graph.firstText.get(hooks.phone(i));
                if (at != null && hooks.sentAt[i] != 0) {
                    e2e[got++] = at - hooks.sentAt[i];
                }
            }
            Stats s = new Stats(Arrays.copyOf(e2e, got));
            log("end to end (" + got + "/" + n + " replied): " + s);
            Verify v = env.verify(List.of(warmHooks, hooks));
            SUMMARY.add(String.format(
                    "e2e | %d msgs at %d/s | e2e p50 %.1f ms p90 %.1f ms p99 %.1f ms max %.1f ms | ack p50 %.2f ms"
                            + " p99 %.2f ms | drain %s | %s | %s",
                    n, rate, s.p(50), s.p(90), s.p(99), s.max(), sent.all.p(50), sent.all.p(99), d, v, env.summary()));
        }
    }

    static void sustained(int rate) throws Exception {
        int secs = intOpt("duration"), n = rate * secs;
        section("3. sustained: " + rate + " webhooks/s for " + secs + " s, open loop");
        String name = opts.get("rate").contains(",") ? "sustained-" + rate : "sustained";
        try (var env = Env.start(name, 0)) {
            Webhooks warmHooks = new Webhooks(1, 500);
            env.mem.phase("warmup");
            openLoop(100, 500, warmHooks);
            env.drain(acked(warmHooks), "warmup");
            logErrorKinds("warm-up webhook");
            Webhooks hooks = new Webhooks(4, n);
            env.mem.phase("load");
            long replies0 = env.graph.texts.get(), t0 = System.nanoTime();
            env.cpu.mark();
            Result sent = openLoop(rate, n, hooks);
            double loadSecs = (System.nanoTime() - t0) / 1e9;
            long repliedDuringLoad = env.graph.texts.get() - replies0;
            log("acks: " + sent);
            logErrorKinds("webhook");
            Backlog after = env.child().backlogOrNull();
            log("backlog right after the load: " + after + ", replies so far " + env.graph.texts.get());
            env.mem.phase("drain");
            Drain d = env.drain(acked(warmHooks, hooks), name);
            double[] cpu = env.cpu.sinceMark();
            Verify v = env.verify(List.of(warmHooks, hooks));
            long replied = env.graph.texts.get() - replies0;
            String cpuPerReply = String.format("CPU from load start to drained: sportello %.1f s, postgres %s, harness"
                            + " %.1f s = %.1f ms of sportello+postgres CPU per reply", cpu[1],
                    cpu[2] < 0 ? "-" : String.format("%.1f s", cpu[2]), cpu[0],
                    replied == 0 ? Double.NaN : (cpu[1] + Math.max(0, cpu[2])) * 1000 / replied);
            log(cpuPerReply);
            double replyRateLoad = repliedDuringLoad / loadSecs, replyRateAll = replied / (loadSecs + d.ms() / 1000.0);
            log(String.format("replies: %d during the load (%.0f/s), %d in all = %.0f/s over load + drain",
                    repliedDuringLoad, replyRateLoad, replied, replyRateAll));
            SUMMARY.add(String.format(
                    "sustained | %d/s x %d s = %d | acked %d = %.0f/s | ack (from intended send time) p50 %.2f ms p99"
                            + " %.2f ms p99.9 %.2f ms max %.1f ms | service p99 %.2f ms | errors %d, shed %d | replies"
                            + " during load %.0f/s, over load + drain %.0f/s | backlog at end of load %s | drain %s | %s | %s | %s",
                    rate, secs, n, sent.acked(), sent.throughput(), sent.all.p(50), sent.all.p(99), sent.all.p(99.9),
                    sent.all.max(), sent.service.p(99), sent.errors, sent.shed, replyRateLoad, replyRateAll, after, d,
                    v, cpuPerReply, env.summary()));
        }
    }

    static void slow() throws Exception {
        int latency = intOpt("slow-latency-ms"), rate = intOpt("slow-rate"), secs = intOpt("slow-duration");
        int n = rate * secs;
        section("4. slow dependencies: Graph and OpenAI answer after " + latency + " ms; " + rate + "/s for " + secs
                + " s, then they recover");
        try (var env = Env.start("slow", 0)) {
            Webhooks warmHooks = new Webhooks(1, 200);
            env.mem.phase("warmup");
            openLoop(50, 200, warmHooks);
            env.drain(acked(warmHooks), "warmup");
            env.graph.latencyMs = latency;
            env.openai.latencyMs = latency;
            env.graph.maxInFlight.set(0);
            env.openai.maxInFlight.set(0);
            Webhooks hooks = new Webhooks(5, n);
            env.mem.phase("slow");
            Result sent = openLoop(rate, n, hooks);
            log("acks while slow: " + sent);
            logErrorKinds("webhook");
            Backlog peak = env.child().backlogOrNull();
            long repliedWhileSlow = env.graph.texts.get() - 200;
            log("backlog at end of slow phase: " + peak + "; replies during it " + repliedWhileSlow
                    + "; max concurrent calls graph " + env.graph.maxInFlight + ", openai " + env.openai.maxInFlight);
            env.graph.latencyMs = 0;
            env.openai.latencyMs = 0;
            log("dependencies recovered (latency 0)");
            env.mem.phase("recovery");
            Drain d = env.drain(acked(warmHooks, hooks), "slow");
            Verify v = env.verify(List.of(warmHooks, hooks));
            SUMMARY.add(String.format(
                    "slow | %d ms deps, %d/s x %d s = %d | ack p50 %.2f ms p99 %.2f ms max %.1f ms errors %d shed %d |"
                            + " backlog at end of slow phase %s, replied during it %d, max concurrent graph %d openai %d"
                            + " | drain after recovery %s | %s | %s",
                    latency, rate, secs, n, sent.all.p(50), sent.all.p(99), sent.all.max(), sent.errors, sent.shed, peak,
                    repliedWhileSlow, env.graph.maxInFlight.get(), env.openai.maxInFlight.get(), d, v, env.summary()));
        }
    }

    // ------------------------------------------------------------------------------------------------ environment

    /** Fakes, the child processes (one per instance, sharing the database) and their memory samplers. */
    static final class Env implements AutoCloseable {
        final String name;
        final FakeGraph graph;
        final FakeOpenAi openai;
        final List<Child> children;
        final List<MemSampler> mems = new ArrayList<>();
        final MemSampler mem; // the first instance's
        final CpuMeter cpu;

        Env(String name, FakeGraph graph, FakeOpenAi openai, List<Child> children) {
            this.name = name;
            this.graph = graph;
            this.openai = openai;
            this.children = children;
            for (Child c : children) mems.add(new MemSampler(c.process.pid(), intOpt("heap-every")));
            this.mem = new MultiMem(mems);
            this.cpu = new CpuMeter(children);
        }

        /** The instance a load balancer would send request i to: round-robin. */
        int port(int i) {
            return children.get(i % children.size()).port;
        }

        /** The backlog is the database's, the same from every instance: ask the first. */
        Child child() {
            return children.get(0);
        }

        static Env start(String name, int latency) throws Exception {
            var graph = new FakeGraph(latency);
            var openai = new FakeOpenAi(latency);
            Path dir = Path.of(opts.get("out"), name);
            deleteTree(dir);
            Files.createDirectories(dir);
            String databaseUrl = Database.fresh(name);
            int n = intOpt("instances");
            var children = new ArrayList<Child>();
            // One after the other, as a rolling start would: the first migrates the (fresh) database.
            for (int k = 1; k <= n; k++) {
                Path childDir = n == 1 ? dir : dir.resolve("instance-" + k);
                Files.createDirectories(childDir);
                Child child = Child.start(Path.of(opts.get("jar")), childDir, graph.port(), openai.port(), databaseUrl);
                children.add(child);
                log(String.format("child %d/%d pid %d on port %d: /health UP after %d ms (process start -> first UP)",
                        k, n, child.process.pid(), child.port, child.startupMs));
            }
            int[] ports = children.stream().mapToInt(c -> c.port).toArray();
            Webhooks.ports = ports;
            return new Env(name, graph, openai, children);
        }

        /** Waits until inbox and outbox are empty and every expected message got its reply (or nothing moves). */
        Drain drain(int expected, String label) throws Exception {
            long t0 = System.nanoTime(), deadline = t0 + TimeUnit.SECONDS.toNanos(intOpt("drain-timeout"));
            long lastPrint = 0, lastChange = t0, lastReplies = -1;
            Backlog b = null, max = new Backlog(0, 0);
            int healthFailures = 0;
            while (System.nanoTime() < deadline) {
                try {
                    b = child().backlog();
                } catch (IOException e) {
                    healthFailures++;
                    log(String.format("[%s] %5.1f s: GET /health failed (%s), replies %d/%d", label,
                            (System.nanoTime() - t0) / 1e9, e, graph.texts.get(), expected));
                    continue;
                }
                if (b.inbox() + b.outbox() > max.inbox() + max.outbox()) {
                    max = b;
                }
                long replies = graph.texts.get();
                long now = System.nanoTime();
                if (replies != lastReplies) {
                    lastReplies = replies;
                    lastChange = now;
                }
                if (b.inbox() == 0 && b.outbox() == 0 && (replies >= expected || now - lastChange > 5_000_000_000L)) {
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    log(String.format("[%s] drained in %d ms (replies %d of %d expected; /health failed %d times)",
                            label, ms, replies, expected, healthFailures));
                    return new Drain(ms, true, b, max);
                }
                if (now - lastPrint > 5_000_000_000L) {
                    lastPrint = now;
                    log(String.format("[%s] %5.1f s: %s, replies %d/%d, rss %d MB, load %s", label, (now - t0) / 1e9,
                            b, replies, expected, mem.rssKb() / 1024, loadAverage()));
                }
                Thread.sleep(250);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            log("[" + label + "] NOT drained after " + ms + " ms: " + b + "; /health failed " + healthFailures + " times");
            return new Drain(ms, false, b, max);
        }

        /** Every webhook's customer got exactly one text (the agent's, not the fallback) and one read receipt. */
        Verify verify(List<Webhooks> all) {
            int expected = 0, missing = 0, duplicated = 0, readMissing = 0, notAcked = 0, repliedNotAcked = 0;
            var sample = new ArrayList<String>();
            for (Webhooks w : all) {
                for (int i = 0; i < w.count; i++) {
                    if (!w.acked[i]) {
                        notAcked++;
                        AtomicInteger c = graph.textsByRecipient.get(w.phone(i));
                        if (c != null) repliedNotAcked += c.get();
                        continue;
                    }
                    expected++;
                    AtomicInteger c = graph.textsByRecipient.get(w.phone(i));
                    int texts = c == null ? 0 : c.get();
                    if (texts == 0) {
                        missing++;
                        if (sample.size() < 5) sample.add(w.phone(i));
                    } else if (texts > 1) {
                        duplicated++;
                    }
                    if (!graph.readsByWamid.containsKey(w.wamid(i))) readMissing++;
                }
            }
            long stray = graph.textsByRecipient.size() - (expected - missing) - repliedNotAcked;
            var v = new Verify(expected, missing, duplicated, graph.fallbackTexts.get(), readMissing, stray, notAcked,
                    repliedNotAcked);
            log("verify: " + v + (sample.isEmpty() ? "" : " e.g. no reply to " + sample) + "; openai calls "
                    + openai.calls.get() + ", graph texts " + graph.texts.get() + ", reads " + graph.reads.get()
                    + ", other " + graph.other.get());
            return v;
        }

        String summary() {
            if (children.size() == 1) {
                return mems.get(0).summary() + " | startup " + child().startupMs + " ms | " + cpu.summary()
                        + " | load average " + loadAverage();
            }
            var sb = new StringBuilder();
            for (int k = 0; k < children.size(); k++) {
                sb.append("instance ").append(k + 1).append(": ").append(mems.get(k).summary()).append(", startup ")
                        .append(children.get(k).startupMs).append(" ms | ");
            }
            return sb + cpu.summary() + " | load average " + loadAverage();
        }

        @Override
        public void close() {
            for (int k = 0; k < children.size(); k++) {
                log("memory (" + name + (children.size() == 1 ? "" : ", instance " + (k + 1)) + "): "
                        + mems.get(k).detail());
            }
            log("CPU during " + name + " (start of first child to stop): " + cpu.summary());
            mems.forEach(MemSampler::close);
            children.forEach(c -> c.process.destroy()); // SIGTERM to all, then wait for each
            children.forEach(Child::stop);
            graph.server.stop(0);
            openai.server.stop(0);
        }
    }

    record Backlog(long inbox, long outbox) {
        @Override
        public String toString() {
            return "inbox " + inbox + ", outbox " + outbox;
        }
    }

    record Drain(long ms, boolean drained, Backlog last, Backlog max) {
        @Override
        public String toString() {
            return drained ? ms + " ms" : "NOT drained after " + ms + " ms (" + last + ")";
        }
    }

    record Verify(
            int expected,
            int missing,
            int duplicated,
            long fallback,
            int readMissing,
            long stray,
            int notAcked,
            int repliedNotAcked) {
        boolean ok() {
            return missing == 0 && duplicated == 0 && fallback == 0 && stray == 0;
        }

        @Override
        public String toString() {
            return (ok() ? "nothing lost" : "PROBLEM") + ": " + expected + " acked msgs, " + missing + " unanswered, "
                    + duplicated + " answered twice, " + fallback + " fallback texts, " + readMissing
                    + " without read receipt, " + stray + " stray"
                    + (notAcked == 0 ? "" : "; " + notAcked + " not acked (" + repliedNotAcked + " of them answered anyway)");
        }
    }

    // ------------------------------------------------------------------------------------------------ webhooks

    /** Distinct signed text webhooks: customer i of group g has its own phone, BSUID and wamid. */
    static final class Webhooks {
        final int group, count;
        final long[] sentAt;
        final boolean[] acked;
        final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        static volatile int[] ports;

        Webhooks(int group, int count) {
            this.group = group;
            this.count = count;
            this.sentAt = new long[count];
            this.acked = new boolean[count];
        }

        String phone(int i) {
            return String.format("39%d%09d", group, i); // 12 digits, like an Italian mobile
        }

        String wamid(int i) {
            return "wamid.HBgMQkVOQ0gt" + tag + "G" + group + "N" + String.format("%09d", i) + "AA==";
        }

        byte[] body(int i) {
            String ts = Long.toString(Instant.now().getEpochSecond());
            // Meta's bytes: compact, non-ASCII as \\uXXXX, slash as \/ (the fixture's message text).
            return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"184932760215487\",\"changes\":[{"
                            + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                            + "\"390212345678\",\"phone_number_id\":\"" + PHONE_ID + "\"},\"contacts\":[{\"profile\":{"
                            + "\"name\":\"Cliente " + group + "-" + i + "\"},\"wa_id\":\"" + phone(i) + "\",\"user_id\":"
                            + "\"IT.9" + phone(i) + "\"}],\"messages\":[{\"from\":\"" + phone(i) + "\",\"from_user_id\":"
                            + "\"IT.9" + phone(i) + "\",\"id\":\"" + wamid(i) + "\",\"timestamp\":\"" + ts + "\","
                            + "\"type\":\"text\",\"text\":{\"body\":\"Buongiorno! L'ordine del 14\\/11 \\u00e8"
                            + " gi\\u00e0 partito? Vorrei sapere quando arriver\\u00e0 \\ud83d\\ude0a\"}}]},"
                            + "\"field\":\"messages\"}]}]}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        HttpRequest request(int i) {
            byte[] body = body(i);
            int port = ports[i % ports.length]; // round-robin, like a load balancer
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook"))
                    .timeout(Duration.ofSeconds(intOpt("request-timeout")))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + hmac(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }
    }

    static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest healthRequest(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    // ------------------------------------------------------------------------------------------------ load

    record Result(int n, long errors, long shed, double seconds, Stats all, Stats service, long late) {
        /** Answered with 200 per second, first due time to last answer. */
        double throughput() {
            return (n - errors - shed) / seconds;
        }

        long acked() {
            return n - errors - shed;
        }

        @Override
        public String toString() {
            return String.format("%d requests, %d answered 200 in %.2f s = %.0f/s, errors %d, shed by the harness %d;"
                            + " latency %s%s", n, acked(), seconds, throughput(), errors, shed, all,
                    late < 0 ? "" : "; service time " + service + "; started >5 ms late: " + late);
        }
    }

    /** {@code clients} threads, each sending its next request as soon as the previous answer arrived (keep-alive). */
    static Result closedLoop(int clients, int n, IntFunction<HttpRequest> requests) throws Exception {
        return closedLoop(clients, n, requests, null);
    }

    static Result closedLoop(int clients, int n, IntFunction<HttpRequest> requests, Webhooks hooks)
            throws Exception {
        // Bodies are built and signed before timing so the client's own work stays out of the numbers.
        HttpRequest[] prepared = new HttpRequest[n];
        for (int i = 0; i < n; i++) prepared[i] = requests.apply(i);
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[clients];
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads[c] = Thread.ofPlatform().name("client-" + c).start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long s = System.nanoTime();
                    try {
                        if (hooks != null) hooks.sentAt[i] = s;
                        var r = CLIENT.send(prepared[i], HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) error("HTTP " + r.statusCode(), errors);
                        else if (hooks != null) hooks.acked[i] = true;
                    } catch (Exception e) {
                        error(e.getClass().getSimpleName(), errors);
                    }
                    lat[i] = System.nanoTime() - s;
                }
            });
        }
        for (Thread t : threads) t.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        Stats s = new Stats(lat);
        return new Result(n, errors.get(), 0, secs, s, s, -1);
    }

    /**
     * Open loop: request i is due at start + i/rate whatever happened to the others. Latency is measured from the
     * due time (so queueing in the harness or the server counts); "service" from the moment it was handed to the
     * client. Each request runs on its own virtual thread; at most max-in-flight are outstanding.
     */
    static Result openLoop(int rate, int n, Webhooks hooks) throws Exception {
        HttpRequest[] prepared = new HttpRequest[n];
        for (int i = 0; i < n; i++) prepared[i] = hooks.request(i);
        long[] lat = new long[n], service = new long[n];
        AtomicLong errors = new AtomicLong(), late = new AtomicLong(), shed = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        long shedAfter = TimeUnit.MILLISECONDS.toNanos(intOpt("shed-after-ms"));
        Semaphore inFlight = new Semaphore(intOpt("max-in-flight"));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 20_000_000L;
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                final int k = i;
                vt.execute(() -> {
                    try {
                        if (!inFlight.tryAcquire(due + shedAfter - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                            shed.incrementAndGet();
                            lat[k] = -1;
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    long s = System.nanoTime();
                    if (s - due > 5_000_000L) late.incrementAndGet();
                    hooks.sentAt[k] = s;
                    try {
                        var r = CLIENT.send(prepared[k], HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) error("HTTP " + r.statusCode(), errors);
                        else hooks.acked[k] = true;
                    } catch (Exception e) {
                        error(e.getClass().getSimpleName(), errors);
                    } finally {
                        long e = System.nanoTime();
                        lastEnd.accumulateAndGet(e, Math::max);
                        lat[k] = e - due;
                        service[k] = e - s;
                        inFlight.release();
                    }
                });
            }
        }
        double secs = (lastEnd.get() - start) / 1e9;
        long[] done = Arrays.stream(lat).filter(x -> x >= 0).toArray();
        long[] doneService = new long[done.length];
        for (int i = 0, j = 0; i < n; i++) if (lat[i] >= 0) doneService[j++] = service[i];
        return new Result(n, errors.get(), shed.get(), secs, new Stats(done), new Stats(doneService), late.get());
    }

    /** Errors by kind (status code or exception class) over the whole run; printed at the end. */
    static final Map<String, AtomicLong> ERROR_KINDS = new ConcurrentHashMap<>();

    static void error(String kind, AtomicLong errors) {
        errors.incrementAndGet();
        ERROR_KINDS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    static void logErrorKinds(String label) {
        if (!ERROR_KINDS.isEmpty()) log(label + " request errors by kind: " + ERROR_KINDS);
        ERROR_KINDS.clear();
    }

    static final class Stats {
        final long[] sorted;

        Stats(long[] nanos) {
            sorted = nanos.clone();
            Arrays.sort(sorted);
        }

        /** Percentile in milliseconds (nearest rank). */
        double p(double pct) {
            if (sorted.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (n=%d)", p(50),
                    p(90), p(99), p(99.9), max(), sorted.length);
        }
    }

    // ------------------------------------------------------------------------------------------------ fakes

    abstract static class Fake {
        final HttpServer server;
        volatile long latencyMs;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Fake(long latencyMs) throws IOException {
            this.latencyMs = latencyMs;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", ex -> {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try (ex) {
                    long at = System.nanoTime();
                    byte[] body = ex.getRequestBody().readAllBytes();
                    long l = this.latencyMs; // the field (changed at run time), not the constructor parameter
                    if (l > 0) Thread.sleep(l);
                    if (DEBUG) System.err.printf("%s %s after %d ms, %d in flight%n", getClass().getSimpleName(),
                            ex.getRequestURI().getPath(), (System.nanoTime() - at) / 1_000_000, now);
                    handle(ex, new String(body, StandardCharsets.UTF_8), at);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        abstract void handle(HttpExchange ex, String body, long receivedAt) throws IOException;

        static void respond(HttpExchange ex, int status, String json) throws IOException {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        }
    }

    /** Graph API: text sends (counted per recipient, first arrival time kept) and read receipts (per wamid). */
    static final class FakeGraph extends Fake {
        final ConcurrentHashMap<String, AtomicInteger> textsByRecipient = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, Long> firstText = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AtomicInteger> readsByWamid = new ConcurrentHashMap<>();
        final AtomicLong texts = new AtomicLong(), reads = new AtomicLong(), other = new AtomicLong();
        final AtomicLong fallbackTexts = new AtomicLong(), seq = new AtomicLong();

        FakeGraph(long latencyMs) throws IOException {
            super(latencyMs);
        }

        @Override
        void handle(HttpExchange ex, String body, long at) throws IOException {
            String path = ex.getRequestURI().getPath();
            if (!"POST".equals(ex.getRequestMethod()) || !path.equals("/v26.0/" + PHONE_ID + "/messages")) {
                other.incrementAndGet();
                respond(ex, 404, "{\"error\":{\"message\":\"unknown path " + path + "\",\"code\":100}}");
                return;
            }
            if (body.contains("\"status\":\"read\"")) {
                reads.incrementAndGet();
                Matcher m = MESSAGE_ID.matcher(body);
                if (m.find()) readsByWamid.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                respond(ex, 200, "{\"success\":true}");
                return;
            }
            Matcher m = TO.matcher(body);
            String to = m.find() ? m.group(1) : "?";
            texts.incrementAndGet();
            textsByRecipient.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
            firstText.putIfAbsent(to, at);
            if (!body.contains(EXPECTED_REPLY)) fallbackTexts.incrementAndGet();
            String wamid = "wamid.HBgMRkFLRS1HUkFQSC0" + String.format("%012d", seq.incrementAndGet()) + "AA==";
            respond(ex, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                    + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
        }
    }

    /** OpenAI Responses API: every POST /v1/responses gets the text fixture with a fresh id. */
    static final class FakeOpenAi extends Fake {
        final AtomicLong calls = new AtomicLong();
        final String template;

        FakeOpenAi(long latencyMs) throws IOException {
            super(latencyMs);
            Path fixture = Path.of(opts.get("openai-fixture"));
            template = Files.isReadable(fixture)
                    ? Files.readString(fixture)
                    : "{\"id\":\"resp_68e5a3f1c2d48190b7e91a2f4c6d8e01\",\"object\":\"response\",\"created_at\":"
                            + "1795600000,\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,"
                            + "\"model\":\"gpt-4.1-mini-2025-04-14\",\"output\":[{\"id\":\"msg_1\",\"type\":"
                            + "\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":"
                            + "\"output_text\",\"annotations\":[],\"text\":\"Sabato chiudiamo alle 19:00 (apriamo"
                            + " alle 9:30, orario continuato).\"}]}],\"usage\":{\"input_tokens\":1864,"
                            + "\"input_tokens_details\":{\"cached_tokens\":1536},\"output_tokens\":38,"
                            + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":1902}}";
        }

        @Override
        void handle(HttpExchange ex, String body, long at) throws IOException {
            if (!"POST".equals(ex.getRequestMethod()) || !ex.getRequestURI().getPath().equals("/v1/responses")) {
                respond(ex, 404, "{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            long n = calls.incrementAndGet();
            ex.getResponseHeaders().set("x-request-id", "req_bench" + n);
            respond(ex, 200, template.replace("resp_68e5a3f1c2d48190b7e91a2f4c6d8e01", "resp_bench" + n));
        }
    }

    // ------------------------------------------------------------------------------------------------ child

    static final class Child {
        final Process process;
        final int port;
        final long startupMs;

        Child(Process process, int port, long startupMs) {
            this.process = process;
            this.port = port;
            this.startupMs = startupMs;
        }

        static Child start(Path jar, Path dir, int graphPort, int openaiPort, String databaseUrl) throws Exception {
            int port;
            try (var s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            var command = new ArrayList<String>();
            command.add(java.toString());
            for (String o : jvmOptions(jar)) command.add(o);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            var pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sportello.log").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("WHATSAPP_") || k.startsWith("OPENAI_") || k.startsWith("DASHBOARD_")
                    || k.equals("API_TOKEN") || k.equals("ALERT_WEBHOOK_URL") || k.startsWith("JAVA_TOOL")
                    || k.startsWith("JDK_JAVA_OPTIONS") || k.equals("DATABASE_URL"));
            if (databaseUrl != null) env.put("DATABASE_URL", databaseUrl);
            env.put("PORT", Integer.toString(port));
            env.put("BIND_ADDRESS", "127.0.0.1");
            env.put("DATA_DIR", dir.resolve("data").toString());
            env.put("VERIFY_TOKEN", "bench-verify-token");
            env.put("WHATSAPP_ACCESS_TOKEN", "EAAGbenchTokenNotReal0123456789");
            env.put("WHATSAPP_PHONE_ID", PHONE_ID);
            env.put("WHATSAPP_APP_SECRET", APP_SECRET);
            env.put("WHATSAPP_API_BASE_URL", "http://127.0.0.1:" + graphPort);
            env.put("WHATSAPP_API_VERSION", "v26.0");
            env.put("WHATSAPP_MESSAGES_PER_SECOND", "1000");
            env.put("OPENAI_API_KEY", "sk-bench-not-a-real-key-0123456789");
            env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + openaiPort + "/v1");
            env.put("OPENAI_MODEL", "gpt-4.1-mini");
            env.put("REPLY_DEBOUNCE_MS", "0");
            long t0 = System.nanoTime();
            Process p = pb.start();
            var health = healthRequest(port);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) throw new IllegalStateException("sportello exited: see " + dir.resolve("sportello.log"));
                try {
                    var r = CONTROL.send(health, HttpResponse.BodyHandlers.ofString());
                    if ("UP".equals(topLevelStatus(r.body()))) {
                        return new Child(p, port, (System.nanoTime() - t0) / 1_000_000);
                    }
                } catch (IOException e) {
                    if (DEBUG) System.err.println(e);
                }
                Thread.sleep(5);
            }
            p.destroyForcibly();
            throw new IllegalStateException("no /health UP within 60 s: see " + dir.resolve("sportello.log"));
        }

        /** Backlog from /health, on its own client (load connections may be closed by the server), 3 tries. */
        Backlog backlog() throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    return backlogOnce();
                } catch (IOException e) {
                    if (attempt == 2) throw e;
                    Thread.sleep(200);
                }
            }
        }

        Backlog backlogOrNull() {
            try {
                return backlog();
            } catch (Exception e) {
                log("GET /health failed: " + e);
                return null;
            }
        }

        Backlog backlogOnce() throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            var r = CONTROL.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = BACKLOG.matcher(r.body());
            if (!m.find()) throw new IllegalStateException("no backlog in /health: " + r.body());
            return new Backlog(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }

        void stop() {
            process.destroy(); // SIGTERM: graceful shutdown
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ memory

    /** RSS from /proc every second; heap from {@code jcmd <pid> GC.heap_info} every few seconds; per phase maxima. */
    static class MemSampler implements AutoCloseable {
        static final Pattern USED = Pattern.compile("total (?:reserved )?(\\d+)K, (?:committed (\\d+)K, )?used (\\d+)K");
        final long pid;
        final Thread thread;
        volatile String phase = "idle";
        volatile boolean stop;
        final Map<String, long[]> byPhase = new ConcurrentHashMap<>(); // maxRss, maxHeapUsed, maxHeapCommitted
        final List<String> order = new ArrayList<>();

        MemSampler(long pid, int heapEverySeconds) {
            this.pid = pid;
            this.thread = pid < 0 ? null : Thread.ofPlatform().daemon().name("mem").start(() -> {
                long nextHeap = System.nanoTime();
                while (!stop) {
                    long[] m = byPhase.computeIfAbsent(phase, k -> new long[3]);
                    m[0] = Math.max(m[0], rssKb());
                    if (heapEverySeconds > 0 && System.nanoTime() >= nextHeap) {
                        nextHeap = System.nanoTime() + TimeUnit.SECONDS.toNanos(heapEverySeconds);
                        long[] h = heap();
                        if (h != null) {
                            m[1] = Math.max(m[1], h[0]);
                            m[2] = Math.max(m[2], h[1]);
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void phase(String p) {
            synchronized (order) {
                if (!order.contains(p)) order.add(p);
            }
            phase = p;
        }

        long rssKb() {
            return procStatus("VmRSS:");
        }

        long procStatus(String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(key)) return Long.parseLong(line.replaceAll("\\D", ""));
                }
            } catch (Exception e) {
                // process gone
            }
            return 0;
        }

        /** {used KB, committed KB} of the Java heap, or null. */
        long[] heap() {
            try {
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                Matcher m = USED.matcher(out);
                if (!m.find()) return null;
                long committed = m.group(2) != null ? Long.parseLong(m.group(2)) : Long.parseLong(m.group(1));
                return new long[] {Long.parseLong(m.group(3)), committed};
            } catch (Exception e) {
                return null;
            }
        }

        long peakRssKb() {
            return procStatus("VmHWM:");
        }

        String summary() {
            long maxRss = 0, maxHeap = 0, maxCommitted = 0;
            for (long[] m : byPhase.values()) {
                maxRss = Math.max(maxRss, m[0]);
                maxHeap = Math.max(maxHeap, m[1]);
                maxCommitted = Math.max(maxCommitted, m[2]);
            }
            return String.format("RSS max %d MB (VmHWM %d MB), heap used max %d MB of %d MB committed", maxRss / 1024,
                    peakRssKb() / 1024, maxHeap / 1024, maxCommitted / 1024);
        }

        String detail() {
            var sb = new StringBuilder();
            synchronized (order) {
                for (String p : order) {
                    long[] m = byPhase.getOrDefault(p, new long[3]);
                    sb.append(String.format("%s: RSS %d MB, heap used %d MB / committed %d MB; ", p, m[0] / 1024,
                            m[1] / 1024, m[2] / 1024));
                }
            }
            return sb + "VmHWM " + peakRssKb() / 1024 + " MB";
        }

        @Override
        public void close() {
            stop = true;
            if (thread != null) thread.interrupt();
        }
    }

    /** The memory phases of every instance move together: phase() goes to all of them. */
    static final class MultiMem extends MemSampler {
        final List<MemSampler> all;

        MultiMem(List<MemSampler> all) {
            super(-1, 0); // samples nothing itself
            this.all = all;
        }

        @Override
        void phase(String p) {
            all.forEach(m -> m.phase(p));
        }

        @Override
        long rssKb() {
            return all.stream().mapToLong(MemSampler::rssKb).sum(); // all instances together
        }
    }

    // ------------------------------------------------------------------------------------------------ CPU

    /**
     * CPU seconds (user + system, from /proc) used by the harness itself, each child and the harness's own
     * PostgreSQL (postmaster, its live backends and the ones that ended) between start and summary: where the
     * 2 cores went.
     */
    static final class CpuMeter {
        static final double TICK = 100.0; // USER_HZ on Linux
        final List<Child> children;
        final long t0 = System.nanoTime();
        final double self0 = ticks(ProcessHandle.current().pid(), false) / TICK;
        final double pg0 = Database.cpuSeconds();
        final long[] childTicks; // last value read while each child was alive
        double pgLast = -1;

        CpuMeter(List<Child> children) {
            this.children = children;
            this.childTicks = new long[children.size()];
        }

        double[] marked; // harness, children..., postgres at mark()

        /** CPU seconds now: harness, each child, postgres (-1 when not ours). */
        synchronized double[] now() {
            double[] r = new double[children.size() + 2];
            r[0] = ticks(ProcessHandle.current().pid(), false) / TICK;
            for (int k = 0; k < children.size(); k++) {
                if (children.get(k).process.isAlive()) {
                    childTicks[k] = Math.max(childTicks[k], ticks(children.get(k).process.pid(), false));
                }
                r[k + 1] = childTicks[k] / TICK;
            }
            r[r.length - 1] = Database.cpuSeconds();
            return r;
        }

        void mark() {
            marked = now();
        }

        /** CPU seconds since mark(): {harness, all children, postgres or -1}. */
        double[] sinceMark() {
            double[] n = now();
            double app = 0;
            for (int k = 1; k < n.length - 1; k++) app += n[k] - marked[k];
            double pg = n[n.length - 1] >= 0 && marked[n.length - 1] >= 0 ? n[n.length - 1] - marked[n.length - 1] : -1;
            return new double[] {n[0] - marked[0], app, pg};
        }

        synchronized String summary() {
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] n = now();
            var sb = new StringBuilder(String.format("CPU s over %.0f s wall: harness %.1f", wall, n[0] - self0));
            for (int k = 0; k < children.size(); k++) {
                sb.append(String.format(", sportello%s %.1f", children.size() == 1 ? "" : " " + (k + 1), n[k + 1]));
            }
            double pg = n[n.length - 1];
            if (pg >= 0) pgLast = pg;
            if (pgLast >= 0 && pg0 >= 0) sb.append(String.format(", postgres %.1f", pgLast - pg0));
            return sb.toString();
        }

        /** utime + stime (+ cutime + cstime: children that were waited for) of a process, in ticks; 0 if gone. */
        static long ticks(long pid, boolean withChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields after the command: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (withChildren) t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                return t;
            } catch (Exception e) {
                return 0;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ database

    /**
     * Where the children store. Default: SQLite in each child's DATA_DIR (no DATABASE_URL). {@code --pg-bin}: the
     * harness starts its own PostgreSQL from those binaries (initdb in {@code <out>/postgres}, 127.0.0.1, fsync
     * on, as the adapter's tests run it; as root through {@code runuser -u postgres}) and creates a new database
     * per scenario. {@code --database-url}: an existing database whose schema {@code public} is dropped and
     * recreated (with psql) before each scenario; the app migrates it on start.
     */
    static final class Database {
        static final String USER = "sportello";
        static Path bin, dir;
        static int port;
        static boolean asRoot;
        static String url;

        static void init(Path out) throws Exception {
            String pgBin = opts.get("pg-bin").trim(), dbUrl = opts.get("database-url").trim();
            if (!pgBin.isEmpty() && !dbUrl.isEmpty()) {
                throw new IllegalArgumentException("--pg-bin and --database-url exclude each other");
            }
            if (!dbUrl.isEmpty()) {
                if (!dbUrl.startsWith("postgresql://") && !dbUrl.startsWith("postgres://")) {
                    throw new IllegalArgumentException("--database-url takes postgresql://user:password@host:port/db"
                            + " (psql drops and recreates its schema public before each scenario)");
                }
                url = dbUrl;
                return;
            }
            if (pgBin.isEmpty()) {
                if (intOpt("instances") > 1) {
                    throw new IllegalArgumentException("--instances " + intOpt("instances") + " needs PostgreSQL"
                            + " (--pg-bin or --database-url): on SQLite each child would be a service of its own");
                }
                return;
            }
            bin = Path.of(pgBin);
            if (!Files.isExecutable(bin.resolve("initdb"))) {
                throw new IllegalArgumentException("no initdb in " + bin + " (apt-get install postgresql)");
            }
            asRoot = "root".equals(System.getProperty("user.name"));
            dir = out.resolve("postgres");
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "stop"), asRoot, true);
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            if (asRoot) run(List.of("chown", "postgres:", dir.toString()), false, false);
            try (var s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"), asRoot, false);
            String settings = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir
                    + " -c fsync=on -c synchronous_commit=on -c max_connections=400 -c shared_buffers=128MB";
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-o", settings, "start"), asRoot, false);
            Runtime.getRuntime().addShutdownHook(new Thread(Database::stop));
            log("PostgreSQL started by the harness: " + run(List.of(bin.resolve("postgres").toString(), "--version"),
                    false, false).trim() + ", data " + dir.resolve("data") + ", settings [" + settings + "]");
        }

        static String describe() {
            if (url != null) return "PostgreSQL " + url.replaceAll("//([^:@/]+):[^@/]*@", "//$1:***@");
            if (bin != null) return "PostgreSQL (harness-owned) 127.0.0.1:" + port;
            return "SQLite in each DATA_DIR";
        }

        /** A DATABASE_URL with nothing in it for this scenario, or null for SQLite. */
        static String fresh(String scenario) throws Exception {
            if (url != null) {
                psql(url, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
                return url;
            }
            if (bin == null) return null;
            String db = "bench_" + scenario.replaceAll("\\W", "_");
            String admin = "postgresql://" + USER + "@127.0.0.1:" + port + "/postgres";
            psql(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            psql(admin, "CREATE DATABASE " + db);
            return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + db;
        }

        static void psql(String url, String sql) throws Exception {
            String psql = bin != null ? bin.resolve("psql").toString() : "psql";
            run(List.of(psql, "-v", "ON_ERROR_STOP=1", "-q", "-d", url, "-c", sql), false, false);
        }

        /** CPU seconds of the harness's PostgreSQL so far (postmaster, reaped and live backends), or -1. */
        static double cpuSeconds() {
            if (dir == null) return -1;
            try {
                long pm = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
                long t = CpuMeter.ticks(pm, true);
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path p : (Iterable<Path>) procs::iterator) {
                        String n = p.getFileName().toString();
                        if (!n.chars().allMatch(Character::isDigit)) continue;
                        long pid = Long.parseLong(n);
                        var parent = ProcessHandle.of(pid).flatMap(ProcessHandle::parent);
                        if (parent.isPresent() && parent.get().pid() == pm) t += CpuMeter.ticks(pid, false);
                    }
                }
                return t / CpuMeter.TICK;
            } catch (Exception e) {
                return -1;
            }
        }

        static synchronized void stop() {
            if (dir == null || !Files.exists(dir.resolve("data/postmaster.pid"))) return;
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                        "-w", "stop"), asRoot, true);
            } catch (Exception e) {
                System.err.println("could not stop PostgreSQL in " + dir + ": " + e);
            }
        }

        static String run(List<String> command, boolean asPostgres, boolean ignoreFailure) throws Exception {
            var full = new ArrayList<String>();
            if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
            full.addAll(command);
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            if (p.exitValue() != 0 && !ignoreFailure) {
                throw new IOException("`" + String.join(" ", full) + "` failed (" + p.exitValue() + "): " + output);
            }
            return output;
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static int acked(Webhooks... all) {
        int n = 0;
        for (Webhooks w : all) for (boolean a : w.acked) if (a) n++;
        return n;
    }

    static int intOpt(String k) {
        return Integer.parseInt(opts.get(k));
    }

    static void section(String s) {
        log("");
        log("==== " + s + " ====");
        log("load average: " + loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The README's JVM options (keep in step with README.md, DeployFilesTest checks the others). */
    static List<String> jvmOptions(Path jar) {
        String given = opts.get("jvm-options").trim();
        if (given.equals("none")) {
            return List.of();
        }
        if (given.equals("readme")) {
            Path archive = jar.toAbsolutePath().resolveSibling("sportello.jsa");
            return List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "--enable-native-access=ALL-UNNAMED");
        }
        return Arrays.stream(given.split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    static void log(String s) {
        String line = s.isEmpty() ? "" : String.format("%tT %s", System.currentTimeMillis(), s);
        System.out.println(line);
        if (report != null) report.println(line);
    }

    /** The "status" at depth 1 of a JSON object (key order free), or null. */
    static String topLevelStatus(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                if (depth == 1) {
                    Matcher m = STATUS.matcher(json).region(i, json.length());
                    if (m.lookingAt()) return m.group(1);
                }
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return null;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
