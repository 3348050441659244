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
            Eventually.until(
                    DEADLINE,
                    "a send under way with more replies waiting behind it",
                    () -> inState(rig, "sending") >= 1 && inState(rig, "queued") >= 2);

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
