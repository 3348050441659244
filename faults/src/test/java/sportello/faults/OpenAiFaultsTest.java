package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * OpenAI failing for one customer at a time, through the real jar: passing failures (5xx, 429 with a hint) are
 * retried and the customer gets the agent's answer; lasting ones (quota used up, no answer within the read
 * timeout) give the customer Sportello's one holding message and flag the conversation for staff. Each test is
 * one customer, so the tests share one child and run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class OpenAiFaultsTest {

    /** Sportello waits 60 s for OpenAI's answer before it gives up on a call. */
    private static final Duration DEADLINE = Duration.ofSeconds(150);

    private static Rig rig;
    private static final List<Customer> customers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        rig = Rig.started("openai-faults", 3);
    }

    @AfterAll
    static void noCustomerGotTwoMessages() {
        try {
            var ledger = Ledger.read(customers, rig.api(), rig.graph);
            System.out.printf(
                    "OPENAI FAULTS SUMMARY | customers %d | answered once %d (holding message %d), twice %d | agent"
                            + " calls %d | /health %s, agent %s | alive %s%n",
                    customers.size(),
                    ledger.answeredOnce(),
                    ledger.fallbacks(),
                    ledger.answeredTwice().size(),
                    rig.openAi.calls(),
                    rig.api().status(),
                    rig.api().checkDetail("agent"),
                    rig.child().isAlive());
            assertThat(ledger.answeredTwice()).as("customers with two messages").isEmpty();
            assertThat(ledger.notStoredOnce())
                    .as("messages not stored exactly once")
                    .isEmpty();
            assertThat(rig.child().isAlive()).as("Sportello still running").isTrue();
        } finally {
            rig.close();
        }
    }

    @Test
    void serverErrorsThenAnAnswer_areRetried_andTheCustomerGetsTheAgentsAnswer() {
        var customer = customerWithFaults(OpenAiFault.serverError(), OpenAiFault.overloaded());

        rig.writes(customer);

        awaitAnswer(customer, FakeOpenAi.replyFor(customer.token()));
        assertThat(rig.openAi.callsAbout(customer.token())).isEqualTo(3);
        assertThat(attention(customer).path("needsAttention").asBoolean()).isFalse();
    }

    @Test
    void rateLimitedWithRetryAfter_isRetried_andTheCustomerGetsTheAgentsAnswer() {
        var customer = customerWithFaults(OpenAiFault.rateLimited("1"), OpenAiFault.rateLimited(null));

        rig.writes(customer);

        awaitAnswer(customer, FakeOpenAi.replyFor(customer.token()));
        assertThat(rig.openAi.callsAbout(customer.token())).isEqualTo(3);
    }

    @Test
    void quotaUsedUp_isNotRetried_theCustomerGetsTheHoldingMessageOnce_andStaffAreAsked() {
        var customer = customerWithFaults(OpenAiFault.insufficientQuota());

        rig.writes(customer);

        awaitAnswer(customer, Ledger.FALLBACK_START);
        assertThat(rig.openAi.callsAbout(customer.token()))
                .as("billing errors are never retried")
                .isEqualTo(1);
        var summary = attention(customer);
        assertThat(summary.path("needsAttention").asBoolean()).isTrue();
        assertThat(summary.path("attentionReason").asText()).containsIgnoringCase("quota");
        assertThat(rig.child().log()).containsIgnoringCase("quota");
    }

    @Test
    void noAnswerWithinTheReadTimeout_theCustomerGetsTheHoldingMessageOnce_andStaffAreAsked() {
        var customer = customerWithFaults(new OpenAiFault.Stall());

        rig.writes(customer);

        awaitAnswer(customer, Ledger.FALLBACK_START);
        assertThat(attention(customer).path("needsAttention").asBoolean()).isTrue();
    }

    private static Customer customerWithFaults(OpenAiFault... faults) {
        var customer = rig.newCustomer();
        customers.add(customer);
        rig.openAi.script(customer.token(), faults);
        return customer;
    }

    private static void awaitAnswer(Customer customer, String textStart) {
        Eventually.until(
                DEADLINE,
                customer.phone() + " answered",
                () -> !rig.graph.textsTo(customer.phone()).isEmpty());
        var outcome = rig.outcome(customer);
        assertThat(outcome.storedOnce()).as("message stored once").isTrue();
        assertThat(outcome.texts())
                .singleElement()
                .satisfies(text -> assertThat(text.text()).startsWith(textStart));
    }

    /** The conversation as the dashboard's list shows it: needsAttention and attentionReason. */
    private static JsonNode attention(Customer customer) {
        return rig.api().conversations().stream()
                .filter(c -> c.path("waId").asText().equals(customer.phone()))
                .findFirst()
                .orElseThrow();
    }
}
