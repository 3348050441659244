package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Graph answering 503 for everyone for a while (a Meta outage of a minute or so): the README promises that a Meta
 * outage loses nothing, so the reply must go out, once, when Graph is back.
 */
class GraphOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @Test
    void graphDownForAboutAMinute_replyGoesOutOnceWhenItIsBack() {
        try (var rig = Rig.started("graph-outage", 10)) {
            rig.graph.failEverySend(GraphFault.gatewayError(503));
            var customer = rig.newCustomer();
            rig.writes(customer);
            Eventually.until(DEADLINE, "six tries refused by Graph", () -> rig.graph.attemptsTo(customer.phone()) >= 6);
            Eventually.within(Duration.ofSeconds(30), () -> rig.graph.attemptsTo(customer.phone()) >= 7);

            rig.graph.heal();

            Eventually.within(
                    DEADLINE, () -> !rig.graph.textsTo(customer.phone()).isEmpty());
            var outcome = rig.outcome(customer);
            System.out.printf(
                    "GRAPH OUTAGE SUMMARY | tries while down %d | reply state %s | texts %d | staff see %s%n",
                    rig.graph.attemptsTo(customer.phone()) - outcome.texts().size(),
                    rig.replyRow(customer),
                    outcome.texts().size(),
                    outcome.botMessages().getFirst().path("status").asText() + " "
                            + outcome.botMessages()
                                    .getFirst()
                                    .path("failureReason")
                                    .asText());
            assertThat(outcome.texts())
                    .as("the reply, once Graph is back")
                    .singleElement()
                    .satisfies(t -> assertThat(t.text()).isEqualTo(FakeOpenAi.replyFor(customer.token())));
        }
    }
}
