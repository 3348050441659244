package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Direction;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.RawDelivery;

/** Three short messages typed in a row get one agent turn and one reply. */
class BurstsTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ScriptedReplyAgent agent = new ScriptedReplyAgent();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final ReceivingCustomerMessage receiving = new ReceivingCustomerMessage(
            new ReceivingCustomerMessage.Ports(
                    storage, storage, storage, agent, new RecordingChannel(), storage, new RecordingEvents()),
            clock,
            ProfileSchema.standard(),
            "fallback",
            () -> {});

    private void arrives(CustomerMessage message) {
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), clock.instant()),
                List.of(message),
                List.of());
    }

    /** Dispatches, then waits until every lane has run what it was given (lanes idle again). */
    private void dispatchAndWait(InboxDispatcher dispatcher, ConversationLanes lanes) {
        dispatcher.dispatchPending();
        lanes.awaitIdle(Duration.ofSeconds(10));
    }

    private long replies() {
        return storage.byCustomer(giulia()).orElseThrow().messages().stream()
                .filter(m -> m.direction() == Direction.OUT)
                .count();
    }

    @Test
    void burstWithinTheDebounce_isAnsweredOnce() throws Exception {
        var lanes = new ConversationLanes();
        var dispatcher = new InboxDispatcher(storage, receiving, lanes, clock, Duration.ofSeconds(2));

        arrives(text(giulia(), "w1", "Ciao"));
        clock.advance(Duration.ofMillis(700));
        arrives(text(giulia(), "w2", "volevo sapere"));
        clock.advance(Duration.ofMillis(700));
        arrives(text(giulia(), "w3", "dell'ordine 58213"));
        dispatchAndWait(dispatcher, lanes); // still typing: shown to staff, not answered
        assertThat(agent.turns()).isEmpty();
        assertThat(storage.byCustomer(giulia()).orElseThrow().messages()).hasSize(3);
        assertThat(storage.pending(10)).hasSize(3);
        clock.advance(Duration.ofSeconds(2));
        dispatchAndWait(dispatcher, lanes);

        assertThat(agent.turns()).hasSize(1);
        assertThat(agent.turns().getFirst().messages()).hasSize(3);
        assertThat(replies()).isEqualTo(1);
        assertThat(storage.pending(10)).isEmpty();
    }

    @Test
    void customerWhoNeverStopsTyping_isAnsweredAfterTheMaximumHold() throws Exception {
        var lanes = new ConversationLanes();
        var dispatcher = new InboxDispatcher(storage, receiving, lanes, clock, Duration.ofSeconds(2));

        for (int i = 0; i < 12; i++) {
            arrives(text(giulia(), "w" + i, "parola " + i));
            clock.advance(Duration.ofSeconds(1));
            dispatchAndWait(dispatcher, lanes);
        }

        assertThat(agent.turns()).isNotEmpty();
    }

    @Test
    void zeroDebounce_answersAtOnce_andDifferentCustomersSeparately() throws Exception {
        var lanes = new ConversationLanes();
        var dispatcher = new InboxDispatcher(storage, receiving, lanes, clock, Duration.ZERO);
        arrives(text(giulia(), "w1", "Ciao"));
        arrives(text(marco(), "w2", "Buongiorno"));

        dispatchAndWait(dispatcher, lanes);

        assertThat(agent.turns()).hasSize(2);
    }
}
