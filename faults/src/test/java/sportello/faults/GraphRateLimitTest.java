package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graph's throughput limit (429, error 130429) through the real jar. It pauses every send of the business number,
 * so these tests have a child of their own and run one after the other: the customer gets exactly one message,
 * no earlier than Graph's {@code Retry-After} asked.
 */
class GraphRateLimitTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static Rig rig;

    @BeforeAll
    static void start() {
        rig = Rig.started("graph-rate-limit", 11);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void rateLimitedWithRetryAfter_waitsAtLeastThatLong_thenSendsOnce() {
        var customer = rig.newCustomer();
        rig.graph.script(customer.phone(), GraphFault.rateLimited(3));

        rig.writes(customer);

        rig.awaitAgentsAnswerSeenByStaffAs(customer, "delivered", DEADLINE);
        var attempts = rig.graph.attemptTimes(customer.phone());
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitedWithoutRetryAfter_backsOff_thenSendsOnce() {
        var customer = rig.newCustomer();
        rig.graph.script(customer.phone(), GraphFault.rateLimited(null), GraphFault.rateLimited(null));

        rig.writes(customer);

        rig.awaitAgentsAnswerSeenByStaffAs(customer, "delivered", DEADLINE);
        assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(3);
    }
}
