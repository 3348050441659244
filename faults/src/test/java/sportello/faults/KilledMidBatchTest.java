package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A kill -9 while the outbox works through more replies than it sends at once: only the sends that were under way
 * may be in doubt. A reply that was still waiting its turn must go out right after the restart, not wait 5 minutes
 * for a status report that cannot come.
 */
class KilledMidBatchTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void killedWhileRepliesWaitTheirTurn_onlyTheSendsUnderWayAreHeldInDoubt() {
        try (var rig = Rig.started("killed-mid-batch", 8)) {
            rig.graph.failEverySend(new GraphFault.Slow(Duration.ofSeconds(8))); // each send takes a while
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 12; i++) { // more than the sender's 8 conversations at once
                var customer = rig.newCustomer();
                customers.add(customer);
                rig.writes(customer);
            }
            // The moment to kill: sends under way and replies waiting, every reply marked sending already at Graph,
            // the same for a second. Not a moment the sender is claiming: a claim's commit that is still being
            // synced is invisible to another reader until the database is opened again, so a look taken then
            // would miss a send that was under way. A sender that marks replies it does not send never settles.
            var settled = new Settled();
            Eventually.until(
                    DEADLINE,
                    "sends under way with more replies waiting behind them, every reply marked sending at Graph",
                    () -> settled.holds(
                            idsInState(rig, "sending"),
                            () -> inState(rig, "queued") >= 2
                                    && inState(rig, "sending") + inState(rig, "accepted")
                                            == reachedGraph(rig, customers)));

            rig.child().freeze(); // nothing changes between this look and the kill, however loaded the machine
            var underWay = idsInState(rig, "sending");
            rig.child().kill();
            rig.graph.heal();
            rig.start();
            Eventually.until(
                    DEADLINE,
                    "restarted Sportello settled",
                    () -> inState(rig, "sending") == 0 && Backlog.of(rig.api()).inbox() == 0);

            var ledger = Ledger.read(customers, rig.api(), rig.graph);
            var rows = OutboxRows.read(rig.dataDir.resolve("sportello.db"));
            var heldButNeverSent = ledger.outcomes().stream()
                    .filter(o -> rig.graph.attemptsTo(o.customer().phone()) == 0)
                    .filter(o -> !o.botMessages().isEmpty())
                    .filter(o -> !underWay.contains(
                            o.botMessages().getFirst().path("id").asText()))
                    .filter(o -> "in_doubt"
                            .equals(rows.get(o.botMessages()
                                            .getFirst()
                                            .path("id")
                                            .asText())
                                    .state()))
                    .map(o -> o.customer().phone())
                    .toList();
            assertThat(heldButNeverSent)
                    .as("customers whose reply was waiting its turn at the kill but waits 5 minutes in doubt")
                    .isEmpty();
        }
    }

    /** Customers whose reply Graph has seen at least once. */
    private static long reachedGraph(Rig rig, List<Customer> customers) {
        return customers.stream()
                .filter(c -> rig.graph.attemptsTo(c.phone()) > 0)
                .count();
    }

    /** A condition on a non-empty set of sends under way that has held, with the same set, for a second. */
    private static final class Settled {
        private java.util.Set<String> since = java.util.Set.of();
        private long at;

        boolean holds(java.util.Set<String> sending, java.util.function.BooleanSupplier condition) {
            if (sending.isEmpty() || !condition.getAsBoolean()) {
                since = java.util.Set.of();
                return false;
            }
            if (!sending.equals(since)) {
                since = sending;
                at = System.nanoTime();
                return false;
            }
            return System.nanoTime() - at >= 1_000_000_000L;
        }
    }

    private static java.util.Set<String> idsInState(Rig rig, String state) {
        Map<String, OutboxRows.Row> rows = OutboxRows.read(rig.dataDir.resolve("sportello.db"));
        return rows.values().stream()
                .filter(r -> r.state().equals(state))
                .map(OutboxRows.Row::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static long inState(Rig rig, String state) {
        Map<String, OutboxRows.Row> rows = OutboxRows.read(rig.dataDir.resolve("sportello.db"));
        return rows.values().stream().filter(r -> r.state().equals(state)).count();
    }
}
