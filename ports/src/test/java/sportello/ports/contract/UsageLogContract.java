package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Usage;
import sportello.ports.out.UsageLog;

/** What every {@link UsageLog} must keep: each model call of a conversation, in order, its cost to the last digit. */
public abstract class UsageLogContract {

    private static final ConversationId C1 = new ConversationId("c1");
    private static final ConversationId C2 = new ConversationId("c2");

    private UsageLog usage;

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        usage = createStorage().usage();
    }

    private static Usage call(String model, String cost, long seconds) {
        return new Usage(model, 1864, 1536, 38, new BigDecimal(cost), TestMessages.T0.plusSeconds(seconds));
    }

    @Test
    void recordedCalls_areReadBackPerConversation_inOrder_withTheExactCost() {
        var first = call("gpt-4.1-mini", "0.000346", 0);
        var second = call("gpt-4.1", "0.00123400", 1); // trailing zeros are part of the value as given
        var other = call("gpt-4.1-mini", "1E-7", 2);

        usage.record(C1, List.of(first, second));
        usage.record(C2, List.of(other));

        assertThat(usage.of(C1)).containsExactly(first, second);
        assertThat(usage.of(C2)).containsExactly(other);
    }

    @Test
    void laterCalls_addToEarlierOnes() {
        usage.record(C1, List.of(call("gpt-4.1-mini", "0.01", 0)));

        usage.record(C1, List.of(call("gpt-4.1-mini", "0.02", 5)));

        assertThat(usage.of(C1))
                .extracting(Usage::costUsd)
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.02"));
    }

    @Test
    void conversationWithoutCalls_hasNoUsage() {
        usage.record(C1, List.of());

        assertThat(usage.of(C1)).isEmpty();
        assertThat(usage.of(C2)).isEmpty();
    }
}
