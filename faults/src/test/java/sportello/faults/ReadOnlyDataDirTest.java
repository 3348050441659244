package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data directory's file system is read-only when Sportello starts (a volume mounted read-only, a disk the
 * kernel remounted read-only after errors). A running Sportello cannot be caught this way: Linux refuses to remount
 * read-only while files are open for writing ("mount point is busy"), so the fault is applied between a clean stop
 * and a start. Expected: a clear message naming the directory, nothing acknowledged that was not stored, and once
 * the file system is writable again a start like systemd's {@code Restart=on-failure} (or the same process, if it
 * kept running) stores and answers everything once.
 */
class ReadOnlyDataDirTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    void readOnlyAtStart_isReportedClearly_acknowledgesNothing_andRecoversOnceWritable() {
        var mount = Tmpfs.freshMountPoint("read-only-mount");
        try (var tmpfs = Tmpfs.mountOrSkip(mount, "200m");
                var rig = Rig.unstarted("read-only", 7, mount.resolve("data"))) {
            rig.start();
            var before = rig.newCustomer();
            rig.writes(before);
            Eventually.until(
                    DEADLINE,
                    "first customer answered",
                    () -> !rig.graph.textsTo(before.phone()).isEmpty());
            rig.child().terminate();

            var remounted = tmpfs.readOnly();
            assertThat(remounted.ok())
                    .as("remount read-only: " + remounted.output())
                    .isTrue();
            var child = rig.launch();
            List<Customer> whileReadOnly = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var customer = rig.newCustomer();
                whileReadOnly.add(customer);
                rig.writes(customer);
            }
            // it either refuses to start, or serves and says it cannot store anything
            Eventually.until(
                    DEADLINE,
                    "Sportello exited or /health DOWN",
                    () -> !child.isAlive() || rig.api().status().equals("DOWN"));
            boolean exited = !child.isAlive();
            String behaviour = exited
                    ? "exited with " + child.awaitExit(Duration.ofSeconds(10)).orElse(-1)
                    : "kept running: " + HealthView.brief(rig.api().health());
            Eventually.within(
                    Duration.ofSeconds(10),
                    () -> whileReadOnly.stream().allMatch(c -> rig.meta.firstAnswer(key(c)) != null));
            var firstAnswers = whileReadOnly.stream()
                    .map(c -> rig.meta.firstAnswer(key(c)))
                    .toList();
            String log = child.log();

            var writable = tmpfs.readWrite();
            assertThat(writable.ok())
                    .as("remount read-write: " + writable.output())
                    .isTrue();
            if (exited) {
                rig.start(); // what systemd's Restart=on-failure does
            }
            Eventually.until(DEADLINE, "every delivery acknowledged", () -> rig.meta.unacknowledged() == 0);
            var all = new ArrayList<>(whileReadOnly);
            all.add(before);
            Eventually.until(
                    DEADLINE,
                    "every customer answered",
                    () -> all.stream()
                            .allMatch(c -> !rig.graph.textsTo(c.phone()).isEmpty()));
            var ledger = Ledger.read(all, rig.api(), rig.graph);

            System.out.printf(
                    "READ-ONLY SUMMARY | while read-only: %s; first answers %s | log: %s | after remount rw%s: %s,"
                            + " stored once %d/%d, answered once %d%n",
                    behaviour,
                    firstAnswers,
                    HealthView.problems(log, 4),
                    exited ? " and a restart" : "",
                    HealthView.brief(rig.api().health()),
                    all.size() - ledger.notStoredOnce().size(),
                    all.size(),
                    ledger.answeredOnce());
            assertThat(firstAnswers)
                    .as("nothing acknowledged while nothing could be stored")
                    .doesNotContain(200);
            assertThat(log)
                    .as("the log names the data directory")
                    .contains(mount.resolve("data").toString());
            assertThat(ledger.notStoredOnce()).isEmpty();
            assertThat(ledger.answeredTwice()).isEmpty();
            assertThat(ledger.unanswered()).isEmpty();
            rig.child().terminate();
        }
    }

    private static String key(Customer customer) {
        return "message:" + customer.phone();
    }
}
