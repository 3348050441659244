package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One send that Graph never answers must not hold back everybody else's replies for Sportello's 20-second read
 * timeout: during a Graph brown-out that turns into minutes of silence for every customer.
 */
class StalledSendTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void sendThatGraphNeverAnswers_doesNotHoldBackAnotherCustomersReply() {
        try (var rig = Rig.started("stalled-send", 9)) {
            var stalled = rig.newCustomer();
            rig.graph.script(stalled.phone(), new GraphFault.AcceptThenStall());
            rig.writes(stalled);
            Eventually.until(
                    DEADLINE, "the first send hanging at Graph", () -> rig.graph.attemptsTo(stalled.phone()) == 1);

            var other = rig.newCustomer();
            rig.writes(other);
            Eventually.until(
                    DEADLINE,
                    "the other customer's reply sent",
                    () -> !rig.graph.textsTo(other.phone()).isEmpty());

            assertThat(rig.replyRow(stalled).state())
                    .as("the hanging send is still under way when the other reply goes out")
                    .isEqualTo("sending");
        }
    }
}
