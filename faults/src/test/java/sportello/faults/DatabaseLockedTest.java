package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another process holds the database's write lock for longer than Sportello's busy timeout: webhooks that cannot
 * be stored are answered non-200 so Meta redelivers them, /health says the database is not writable, the log says
 * what is wrong, and once the lock is released everything is stored and answered once, without a restart.
 */
class DatabaseLockedTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    void lockedByAnotherProcess_refusesWhatItCannotStore_saysSo_andRecoversOnRelease() {
        try (var rig = Rig.started("database-locked", 6)) {
            var before = rig.newCustomer();
            rig.writes(before);
            Eventually.until(
                    DEADLINE,
                    "first customer answered",
                    () -> !rig.graph.textsTo(before.phone()).isEmpty());

            List<Customer> whileLocked = new ArrayList<>();
            String healthWhileLocked;
            String databaseWhileLocked;
            String log;
            try (var lock = WriteLockHolder.lock(rig.dataDir.resolve("sportello.db"))) {
                for (int i = 0; i < 3; i++) {
                    var customer = rig.newCustomer();
                    whileLocked.add(customer);
                    rig.writes(customer);
                }
                Eventually.until(
                        DEADLINE,
                        "a webhook refused because it could not be stored",
                        () -> whileLocked.stream()
                                .map(c -> rig.meta.firstAnswer(key(c)))
                                .anyMatch(answer -> answer != null && answer != 200));
                Eventually.until(
                        DEADLINE,
                        "/health database DOWN",
                        () -> rig.api().check("database").equals("DOWN"));
                healthWhileLocked = HealthView.brief(rig.api().health());
                databaseWhileLocked =
                        rig.api().health().at("/checks/database/detail").asText();
                log = rig.child().log();
            }

            Eventually.until(DEADLINE, "every delivery acknowledged", () -> rig.meta.unacknowledged() == 0);
            var all = new ArrayList<>(whileLocked);
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
                    "DATABASE LOCKED SUMMARY | customers while locked %d, first answers %s | /health while locked: %s"
                            + " | log while locked: %s | after release: %s, stored once %d/%d, answered once %d%n",
                    whileLocked.size(),
                    whileLocked.stream().map(c -> rig.meta.firstAnswer(key(c))).toList(),
                    healthWhileLocked,
                    HealthView.problems(log, 4),
                    HealthView.brief(rig.api().health()),
                    all.size() - ledger.notStoredOnce().size(),
                    all.size(),
                    ledger.answeredOnce());
            assertThat(healthWhileLocked).startsWith("DOWN");
            assertThat(databaseWhileLocked).as("/health names the cause").contains("locked");
            assertThat(log).as("the log names the cause").containsIgnoringCase("locked");
            assertThat(ledger.notStoredOnce()).isEmpty();
            assertThat(ledger.answeredTwice()).isEmpty();
            assertThat(ledger.unanswered()).isEmpty();
            assertThat(rig.child().isAlive()).isTrue();
        }
    }

    private static String key(Customer customer) {
        return "message:" + customer.phone();
    }
}
