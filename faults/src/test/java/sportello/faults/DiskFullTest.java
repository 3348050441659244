package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data directory's disk fills up while Sportello runs (a small tmpfs, filled by another process): webhooks that
 * cannot be stored are answered non-200 so Meta redelivers them, /health says DOWN and why, and once space is
 * freed everything is stored and answered once, without a restart.
 */
class DiskFullTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    void diskFull_refusesWhatItCannotStore_saysSo_andRecoversOnceSpaceIsFreed() throws Exception {
        Path mount = Tmpfs.freshMountPoint("disk-full-mount");
        try (var tmpfs = Tmpfs.mountOrSkip(mount, "160m");
                var rig = Rig.unstarted("disk-full", 5, mount.resolve("data"))) {
            rig.start();
            var before = rig.newCustomer();
            rig.writes(before);
            Eventually.until(
                    DEADLINE,
                    "first customer answered",
                    () -> !rig.graph.textsTo(before.phone()).isEmpty());

            Path filler = mount.resolve("filler.bin");
            long filled = tmpfs.fill(filler);
            List<Customer> whileFull = new ArrayList<>();
            Eventually.until(DEADLINE, "a webhook refused because it could not be stored", () -> {
                var customer = rig.newCustomer();
                whileFull.add(customer);
                rig.writes(customer);
                Eventually.within(Duration.ofSeconds(10), () -> rig.meta.firstAnswer(key(customer)) != null);
                Integer first = rig.meta.firstAnswer(key(customer));
                return first != null && first != 200;
            });
            Eventually.until(DEADLINE, "/health DOWN", () -> rig.api().status().equals("DOWN"));
            var health = rig.api().health();
            String log = rig.child().log();

            Files.delete(filler);
            Eventually.until(DEADLINE, "every delivery acknowledged", () -> rig.meta.unacknowledged() == 0);
            var all = new ArrayList<Customer>(whileFull);
            all.add(before);
            Eventually.until(
                    DEADLINE,
                    "every customer answered",
                    () -> all.stream()
                            .allMatch(c -> !rig.graph.textsTo(c.phone()).isEmpty()));
            Eventually.until(
                    DEADLINE,
                    "database check UP again",
                    () -> rig.api().check("database").equals("UP"));
            var ledger = Ledger.read(all, rig.api(), rig.graph);

            System.out.printf(
                    "DISK FULL SUMMARY | filled %d MB | customers while full %d, first answers %s | /health while"
                            + " full: %s | log while full: %s | after freeing: %s, stored once %d/%d, answered once"
                            + " %d%n",
                    filled >> 20,
                    whileFull.size(),
                    whileFull.stream().map(c -> rig.meta.firstAnswer(key(c))).toList(),
                    HealthView.brief(health),
                    HealthView.problems(log, 4),
                    HealthView.brief(rig.api().health()),
                    all.size() - ledger.notStoredOnce().size(),
                    all.size(),
                    ledger.answeredOnce());
            assertThat(health.path("checks").path("disk").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(health.path("checks").path("database").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(log).as("the log says the disk is full").containsIgnoringCase("disk");
            assertThat(ledger.notStoredOnce()).isEmpty();
            assertThat(ledger.answeredTwice()).isEmpty();
            assertThat(ledger.unanswered()).isEmpty();
            assertThat(rig.child().isAlive()).isTrue();
            rig.child().terminate();
        }
    }

    private static String key(Customer customer) {
        return "message:" + customer.phone();
    }
}
