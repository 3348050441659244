package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenAI down for everyone: each customer gets the holding message once, /health shows the agent DEGRADED after
 * three customers in a row could not be answered, and once OpenAI is back the next customer gets the agent's
 * answer and the agent check is UP again, without a restart.
 */
class OpenAiOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    void outage_holdsCustomers_degradesTheAgentCheck_andRecoversByItself() {
        try (var rig = Rig.started("openai-outage", 4)) {
            rig.openAi.outage(OpenAiFault.overloaded());
            List<Customer> duringOutage = new ArrayList<>();

            for (int i = 0; i < 3; i++) {
                var customer = rig.newCustomer();
                duringOutage.add(customer);
                rig.writes(customer);
                Eventually.until(
                        DEADLINE,
                        "holding message to " + customer.phone(),
                        () -> !rig.graph.textsTo(customer.phone()).isEmpty());
            }
            Eventually.until(
                    DEADLINE,
                    "/health agent DEGRADED",
                    () -> rig.api().check("agent").equals("DEGRADED"));
            String degraded = rig.api().checkDetail("agent");
            String overallWhileDown = rig.api().status();

            rig.openAi.recover();
            var after = rig.newCustomer();
            rig.writes(after);
            Eventually.until(
                    DEADLINE,
                    "the agent answers again",
                    () -> !rig.graph.textsTo(after.phone()).isEmpty());
            Eventually.until(
                    DEADLINE, "/health agent UP", () -> rig.api().check("agent").equals("UP"));

            var all = new ArrayList<>(duringOutage);
            all.add(after);
            var ledger = Ledger.read(all, rig.api(), rig.graph);
            System.out.printf(
                    "OPENAI OUTAGE SUMMARY | customers during outage %d, holding messages %d | agent while down: %s"
                            + " (overall %s) | after recovery: %s | agent calls %d%n",
                    duringOutage.size(),
                    ledger.fallbacks(),
                    degraded,
                    overallWhileDown,
                    rig.api().checkDetail("agent"),
                    rig.openAi.calls());
            assertThat(ledger.notStoredOnce()).isEmpty();
            assertThat(ledger.answeredTwice()).isEmpty();
            for (var customer : duringOutage) {
                assertThat(ledger.of(customer).texts())
                        .singleElement()
                        .satisfies(t -> assertThat(t.text()).startsWith(Ledger.FALLBACK_START));
            }
            assertThat(ledger.of(after).texts())
                    .singleElement()
                    .satisfies(t -> assertThat(t.text()).isEqualTo(FakeOpenAi.replyFor(after.token())));
            assertThat(degraded).contains("sportello doctor");
            assertThat(rig.child().isAlive()).isTrue();
        }
    }
}
