package sportello.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The real jar under continuous load, killed with SIGKILL at random moments and restarted on the same data
 * directory each time, while Meta redelivers every webhook that did not get a 200. Afterwards every message is
 * stored exactly once and no customer got two replies. A reply whose send was cut off by a kill is "in doubt":
 * Sportello waits 5 minutes for Meta's status report before it decides to resend, so in a CI-sized run such
 * customers may still be waiting; they are counted and reported, and {@code -Dfaults.awaitInDoubt=true} waits them
 * out and then requires a reply for everyone.
 */
class KillNineLoopTest {

    private static final Duration SERVING = Duration.ofSeconds(90);
    private static final Duration DRAIN = Duration.ofMinutes(4);
    private static final Duration IN_DOUBT_RECHECK = Duration.ofMinutes(5);

    @Test
    void killedAtRandomMomentsUnderLoad_storesEveryMessageOnce_andAnswersNoCustomerTwice() {
        int restarts = FaultSize.restarts();
        long seed = FaultSize.seed();
        var random = new Random(seed);
        Path work = WorkDirs.fresh("kill-nine-loop");
        Path dataDir = work.resolve("data");

        try (var graph = new FakeGraph();
                var openAi = new FakeOpenAi();
                var meta = new Meta(8)) {
            graph.onAccepted(meta::reportStatuses);
            var settings = ChildSettings.of(dataDir, graph, openAi);
            var load =
                    new CustomerLoad(meta, Long.toString(seed & 0xffffff, 36), FaultSize.rate(), FaultSize.customers());
            int killedWhileStarting = 0;
            SportelloProcess child = SportelloProcess.started(work, "sportello-0.log", settings);
            try {
                meta.target(child.api());
                load.start();
                long loadStart = System.nanoTime();
                for (int life = 1; life <= restarts; life++) {
                    if (random.nextInt(5) == 0) {
                        killedWhileStarting++; // during startup: migrations, recovery of interrupted sends
                        SportelloProcess.sleep(Duration.ofMillis(500 + random.nextInt(3000)));
                    } else {
                        child.awaitServing(SERVING);
                        SportelloProcess.sleep(Duration.ofMillis(random.nextInt(FaultSize.maxLifeMillis())));
                    }
                    child.kill();
                    child = SportelloProcess.start(work, "sportello-" + life + ".log", settings);
                    meta.target(child.api()); // refused while it starts: Meta redelivers
                }
                child.awaitServing(SERVING);
                SportelloProcess.sleep(Duration.ofSeconds(1)); // a last bit of load on the survivor
                load.stop();
                long loadSeconds = seconds(loadStart);
                long drainStart = System.nanoTime();

                drain(child.api(), dataDir, meta, graph);
                var ledger = Ledger.read(load.customers(), child.api(), graph);
                var report = KillNineReport.of(
                        "KILL-9",
                        seed,
                        "restarts " + restarts + " (" + killedWhileStarting + " while starting)",
                        ledger,
                        OutboxRows.read(dataDir.resolve("sportello.db")),
                        graph,
                        openAi,
                        meta,
                        loadSeconds,
                        seconds(drainStart));
                System.out.println(report.line());

                ExactlyOnce.assertHolds(ledger, report);
            } finally {
                child.terminate();
            }
        }
    }

    /** Waits until Meta's deliveries are acknowledged and only in-doubt replies are left (or none, if asked). */
    private static void drain(SportelloApi api, Path dataDir, Meta meta, FakeGraph graph) {
        var progress = new Progress("kill-9 loop");
        Eventually.until(DRAIN, "inbox empty and nothing left to send but in-doubt replies", () -> {
            var backlog = Backlog.of(api);
            int inDoubt = inDoubt(dataDir);
            progress.report(() -> "draining: " + backlog + ", " + inDoubt + " in doubt, " + meta.unacknowledged()
                    + " deliveries unacknowledged, " + graph.textCount() + " texts at Graph");
            return backlog.inbox() == 0 && backlog.outbox() == inDoubt && meta.unacknowledged() == 0;
        });
        if (FaultSize.awaitInDoubt()) {
            Eventually.until(
                    IN_DOUBT_RECHECK.plus(DRAIN),
                    "in-doubt replies rechecked",
                    () -> Backlog.of(api).empty() && meta.unacknowledged() == 0);
        }
    }

    private static int inDoubt(Path dataDir) {
        return (int) OutboxRows.read(dataDir.resolve("sportello.db")).values().stream()
                .filter(r -> r.state().equals("in_doubt"))
                .count();
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}
