package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sportello.postgres.PostgresServer;

/**
 * The kill -9 loop with two instances of the real jar on one PostgreSQL, behind a load balancer (in {@link Meta}:
 * each webhook and status report to an instance at random, on to the other when the first gives no answer). Under
 * continuous load one instance, and now and then both, is killed with SIGKILL at a random moment and restarted.
 * Afterwards, read back through either instance's API: every message stored exactly once, no customer answered
 * twice or with someone else's reply, and only in-doubt sends waiting (see KillNineLoopTest).
 *
 * <p>One conversation must never be worked on by two instances at once (docs/scaling.md: a customer's lease is
 * taken over only from a dead instance). Every process gets its own OpenAI key, so the fake agent knows who asked:
 * when two processes asked about the same message, the first must have been killed before the second asked.
 * Without PostgreSQL's binaries the suite fails, like adapter-postgres's tests, saying how to install them.
 */
class KillNineTwoInstancesTest {

    /** Longer than a single child's 90 s: a child starts here beside another one and PostgreSQL. */
    private static final Duration SERVING = Duration.ofMinutes(3);

    private static final Duration DRAIN = Duration.ofMinutes(4);
    private static final Duration IN_DOUBT_RECHECK = Duration.ofMinutes(5);

    @Test
    void twoInstancesKilledAtRandomMomentsUnderLoad_storeEveryMessageOnce_andNeverWorkOnOneConversationAtOnce()
            throws Exception {
        int rounds = FaultSize.pgRestarts();
        long seed = FaultSize.seed();
        var random = new Random(seed);
        Path work = WorkDirs.fresh("kill-nine-two-instances");
        Path media = Files.createDirectories(work.resolve("media"));
        String databaseUrl = PostgresServer.shared().freshDatabaseUrl();

        try (var graph = new FakeGraph();
                var openAi = new FakeOpenAi();
                var meta = new Meta(8)) {
            graph.onAccepted(meta::reportStatuses);
            var settings = ChildSettings.of(work.resolve("unused"), graph, openAi);
            settings.put("DATABASE_URL", databaseUrl);
            List<Replica> replicas =
                    List.of(new Replica("a", work, media, settings), new Replica("b", work, media, settings));
            var load =
                    new CustomerLoad(meta, Long.toString(seed & 0xffffff, 36), FaultSize.rate(), FaultSize.customers());
            var kills = new Kills();
            try {
                replicas.forEach(Replica::start);
                for (Replica replica : replicas) {
                    replica.awaitServing(SERVING);
                }
                meta.balance(apis(replicas));
                load.start();
                long loadStart = System.nanoTime();
                List<Replica> justStarted = List.of();
                for (int round = 1; round <= rounds; round++) {
                    List<Replica> victims;
                    boolean both = round % 5 == 3; // at least one round in CI kills both
                    if (!both && !justStarted.isEmpty() && random.nextInt(5) == 0) {
                        kills.soonAfterStart++; // while starting (migrations, presence, recovery) or just after
                        SportelloProcess.sleep(Duration.ofMillis(500 + random.nextInt(3000)));
                        victims = justStarted;
                    } else {
                        for (Replica replica : replicas) {
                            replica.awaitServing(SERVING);
                        }
                        SportelloProcess.sleep(Duration.ofMillis(random.nextInt(FaultSize.maxLifeMillis())));
                        victims = both ? replicas : List.of(replicas.get(random.nextInt(replicas.size())));
                    }
                    if (victims.size() > 1) {
                        kills.bothAtOnce++;
                    }
                    System.out.println("kill-9 two instances: round " + round + " at " + seconds(loadStart)
                            + " s kills " + victims.stream().map(Replica::life).toList());
                    victims.forEach(Replica::kill);
                    victims.forEach(Replica::start);
                    meta.balance(apis(replicas)); // the new ports; refused while starting: passed on or redelivered
                    justStarted = victims;
                }
                for (Replica replica : replicas) {
                    replica.awaitServing(SERVING);
                }
                SportelloProcess.sleep(Duration.ofSeconds(1)); // a last bit of load on the survivors
                load.stop();
                long loadSeconds = seconds(loadStart);
                long drainStart = System.nanoTime();

                drain(replicas, databaseUrl, meta, graph);
                var reader = replicas.get(random.nextInt(replicas.size()));
                var ledger = Ledger.read(load.customers(), reader.api(), graph);
                var other =
                        replicas.stream().filter(r -> r != reader).findFirst().orElseThrow();
                var overlaps = overlaps(
                        openAi.callLog(), (life, nanos) -> replicas.stream().anyMatch(r -> r.deadBefore(life, nanos)));
                var report = KillNineReport.of(
                        "KILL-9 TWO INSTANCES",
                        seed,
                        kills.describe(rounds, replicas),
                        ledger,
                        OutboxRows.readPostgres(databaseUrl),
                        graph,
                        openAi,
                        meta,
                        loadSeconds,
                        seconds(drainStart));
                System.out.println(report.line() + " | load balancer passed on " + meta.passedOn()
                        + " | read back through " + reader.name() + " | agent asked by " + callsBy(openAi.callLog())
                        + ", texts sent by " + textsBy(graph)
                        + " | agent asked twice about one message " + askedTwice(openAi.callLog())
                        + ", by two live instances " + overlaps.size());

                ExactlyOnce.assertHolds(ledger, report);
                assertThat(other.api().conversations())
                        .as("conversations as the other instance lists them")
                        .hasSize(ledger.outcomes().size());
                assertThat(overlaps)
                        .as("messages the agent was asked about by two instances alive at the same time")
                        .isEmpty();
            } finally {
                load.stop();
                replicas.forEach(Replica::close);
            }
        }
    }

    @Test
    void overlaps_areCallsAboutOneMessageByTwoLivesWhileTheEarlierWasAlive() {
        var killed = Map.of("a1", 100L); // a1 was killed at 100, b1 never
        var calls = List.of(
                new FakeOpenAi.Call("Kx1x1", "sk-key-a1", 50), // a1 asked, was killed, b1 took over: fine
                new FakeOpenAi.Call("Kx1x1", "sk-key-b1", 150),
                new FakeOpenAi.Call("Kx1x2", "sk-key-b1", 160), // b1 asked twice itself (a retry): fine
                new FakeOpenAi.Call("Kx1x2", "sk-key-b1", 170),
                new FakeOpenAi.Call("Kx1x3", "sk-key-a1", 60), // a1 and b1 at once: caught
                new FakeOpenAi.Call("Kx1x3", "sk-key-b1", 90),
                new FakeOpenAi.Call("Kx1x4", "sk-key-b1", 10), // b1 alive when a2 asked: caught
                new FakeOpenAi.Call("Kx1x4", "sk-key-a2", 200));

        var found = overlaps(calls, (life, nanos) -> killed.containsKey(life) && killed.get(life) < nanos);

        assertThat(found)
                .containsExactlyInAnyOrder(
                        "Kx1x3: asked by a1, then by b1 while a1 was alive",
                        "Kx1x4: asked by b1, then by a2 while b1 was alive");
    }

    /** What was killed: counted per instance, and the rounds that killed both or one that had just started. */
    private static final class Kills {
        int bothAtOnce;
        int soonAfterStart;

        String describe(int rounds, List<Replica> replicas) {
            return "rounds " + rounds + ", kills "
                    + replicas.stream()
                            .map(r -> r.name() + " " + (r.lives() - 1))
                            .collect(Collectors.joining(", "))
                    + " (both at once " + bothAtOnce + ", soon after a start " + soonAfterStart + ")";
        }
    }

    private static List<SportelloApi> apis(List<Replica> replicas) {
        return replicas.stream().map(Replica::api).toList();
    }

    /**
     * Calls about one message by two processes where the earlier caller had not been killed when the later one
     * asked: both were working on that conversation at once. {@code killedBefore}: whether a life had been killed
     * before a moment ({@code System.nanoTime}).
     */
    static List<String> overlaps(List<FakeOpenAi.Call> calls, BiPredicate<String, Long> killedBefore) {
        var found = new ArrayList<String>();
        var byToken =
                calls.stream().filter(c -> !c.token().isEmpty()).collect(Collectors.groupingBy(FakeOpenAi.Call::token));
        byToken.forEach((token, list) -> {
            var ordered = list.stream()
                    .sorted(Comparator.comparingLong(FakeOpenAi.Call::atNanos))
                    .toList();
            for (int later = 1; later < ordered.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    String first = Replica.lifeOf(ordered.get(earlier).apiKey());
                    String second = Replica.lifeOf(ordered.get(later).apiKey());
                    long at = ordered.get(later).atNanos();
                    if (!first.equals(second) && !killedBefore.test(first, at)) {
                        found.add(token + ": asked by " + first + ", then by " + second + " while " + first
                                + " was alive");
                    }
                }
            }
        });
        return found;
    }

    /** Messages the agent was asked about more than once (after a kill that is allowed: the answer was lost). */
    private static long askedTwice(List<FakeOpenAi.Call> calls) {
        return calls.stream()
                .filter(c -> !c.token().isEmpty())
                .collect(Collectors.groupingBy(FakeOpenAi.Call::token, Collectors.counting()))
                .values()
                .stream()
                .filter(n -> n > 1)
                .count();
    }

    /** Agent calls by the process that made them ({@code {a1=40, a2=31, b1=80}}). */
    private static Map<String, Long> callsBy(List<FakeOpenAi.Call> calls) {
        return calls.stream()
                .collect(Collectors.groupingBy(c -> Replica.lifeOf(c.apiKey()), TreeMap::new, Collectors.counting()));
    }

    /** Texts Graph took, by the instance that sent them ({@code {a=71, b=79}}). */
    private static Map<String, Long> textsBy(FakeGraph graph) {
        return graph.texts().values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(
                        s -> Replica.lifeOf(s.accessToken()).replaceAll("\\d", ""),
                        TreeMap::new,
                        Collectors.counting()));
    }

    /** Waits until Meta's deliveries are acknowledged and only in-doubt replies are left (or none, if asked). */
    private static void drain(List<Replica> replicas, String databaseUrl, Meta meta, FakeGraph graph) {
        var progress = new Progress("kill-9 two instances");
        Eventually.until(DRAIN, "inbox empty and nothing left to send but in-doubt replies", () -> {
            var backlog = Backlog.of(replicas.getFirst().api());
            int inDoubt = inDoubt(databaseUrl);
            progress.report(() -> "draining: " + backlog + ", " + inDoubt + " in doubt, " + meta.unacknowledged()
                    + " deliveries unacknowledged, " + graph.textCount() + " texts at Graph");
            return backlog.inbox() == 0 && backlog.outbox() == inDoubt && meta.unacknowledged() == 0;
        });
        if (FaultSize.awaitInDoubt()) {
            Eventually.until(
                    IN_DOUBT_RECHECK.plus(DRAIN),
                    "in-doubt replies rechecked",
                    () -> Backlog.of(replicas.getLast().api()).empty() && meta.unacknowledged() == 0);
        }
    }

    private static int inDoubt(String databaseUrl) {
        return (int) OutboxRows.readPostgres(databaseUrl).values().stream()
                .filter(r -> r.state().equals("in_doubt"))
                .count();
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}
