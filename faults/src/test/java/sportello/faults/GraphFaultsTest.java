package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Graph failing in the ways the Cloud API does, end to end through the real jar: each test is one customer whose
 * sends meet a scripted fault, so the tests share one child and run side by side. (Rate limits pause the whole
 * number, so they have their own suite: {@link GraphRateLimitTest}.) adapter-whatsapp's unit tests
 * cover how each answer is classified; here the whole path is checked: the customer gets exactly one message,
 * and staff see a sensible state.
 */
@Execution(ExecutionMode.CONCURRENT)
class GraphFaultsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static Rig rig;
    private static final List<Customer> customers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        rig = Rig.started("graph-faults", 2);
    }

    @AfterAll
    static void noCustomerGotTwoMessages() {
        try {
            var ledger = Ledger.read(customers, rig.api(), rig.graph);
            System.out.printf(
                    "GRAPH FAULTS SUMMARY | customers %d | answered once %d, twice %d, not yet %d | /health %s,"
                            + " sending %s | Graph send requests %d, texts %d | webhook answers %s%n",
                    customers.size(),
                    ledger.answeredOnce(),
                    ledger.answeredTwice().size(),
                    ledger.unanswered().size(),
                    rig.api().status(),
                    rig.api().checkDetail("sending"),
                    customers.stream()
                            .mapToInt(c -> rig.graph.attemptsTo(c.phone()))
                            .sum(),
                    rig.graph.textCount(),
                    rig.meta.answers());
            assertThat(ledger.answeredTwice()).as("customers with two messages").isEmpty();
            assertThat(ledger.notStoredOnce())
                    .as("messages not stored exactly once")
                    .isEmpty();
        } finally {
            rig.close();
        }
    }

    @Test
    void serverErrorBurst_isRetried_andTheCustomerGetsOneMessage() {
        var customer = customerWithFaults(
                GraphFault.serverError(500), GraphFault.gatewayError(503), GraphFault.gatewayError(502));

        rig.writes(customer);

        awaitOneMessageSeenByStaffAs(customer, "delivered");
        assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(4);
        assertThat(rig.replyRow(customer).state()).isEqualTo("accepted");
    }

    @Test
    void slowGraph_withinTheReadTimeout_isOneCleanSend() {
        var customer = customerWithFaults(new GraphFault.Slow(Duration.ofSeconds(6)));

        rig.writes(customer);

        awaitOneMessageSeenByStaffAs(customer, "delivered");
        Eventually.until(
                DEADLINE,
                "the send recorded as accepted",
                () -> "accepted".equals(rig.replyRow(customer).state()));
        assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(1);
    }

    @Test
    void connectionResetAfterMetaTookTheMessage_isInDoubt_andNotSentAgain() {
        var customer = customerWithFaults(new GraphFault.AcceptThenReset());

        rig.writes(customer);

        Eventually.until(
                DEADLINE,
                "the send recorded as in doubt",
                () -> "in_doubt".equals(rig.replyRow(customer).state()));
        awaitOneMessageSeenByStaffAs(customer, "delivered"); // Meta's status reports carry our correlation
        assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(1);
    }

    @Test
    void readTimeoutAfterMetaTookTheMessage_isInDoubt_andNotSentAgain() {
        var customer = customerWithFaults(new GraphFault.AcceptThenStall());

        rig.writes(customer);

        // Sportello's Graph read timeout is 20 s; Meta's status reports arrive meanwhile
        awaitOneMessageSeenByStaffAs(customer, "delivered");
        Eventually.until(
                DEADLINE,
                "the send recorded as in doubt after the read timeout",
                () -> "in_doubt".equals(rig.replyRow(customer).state()));
        assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(1);
        assertThat(rig.graph.textsTo(customer.phone())).hasSize(1);
    }

    @Test
    void connectionResetBeforeMetaSawIt_isHeldInDoubt_notResentBlindly() {
        var customer = customerWithFaults(new GraphFault.ResetUnseen());

        rig.writes(customer);

        Eventually.until(
                DEADLINE,
                "the send recorded as in doubt",
                () -> "in_doubt".equals(rig.replyRow(customer).state()));
        assertThat(rig.outcome(customer).botMessages().getFirst().path("status").asText())
                .as("what staff see meanwhile")
                .isEqualTo("pending");
        assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(1);
        assertThat(rig.graph.textsTo(customer.phone())).isEmpty();
        if (FaultSize.awaitInDoubt()) {
            // no status report comes, so after its 5-minute recheck Sportello sends it, once
            awaitOneMessageSeenByStaffAs(customer, "delivered", Duration.ofMinutes(7));
            assertThat(rig.graph.attemptsTo(customer.phone())).isEqualTo(2);
        }
    }

    private static Customer customerWithFaults(GraphFault... faults) {
        var customer = rig.newCustomer();
        customers.add(customer);
        rig.graph.script(customer.phone(), faults);
        return customer;
    }

    private static void awaitOneMessageSeenByStaffAs(Customer customer, String status) {
        awaitOneMessageSeenByStaffAs(customer, status, DEADLINE);
    }

    private static void awaitOneMessageSeenByStaffAs(Customer customer, String status, Duration deadline) {
        rig.awaitAgentsAnswerSeenByStaffAs(customer, status, deadline);
    }
}
