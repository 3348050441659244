package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.CheckHealth;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.Channel.SendResult;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.ReplyAgent.Answer;

/** Critical conditions met while working become alerts, and clear when things work again. */
class AlertsFromTheWorkTest {

    private final List<String> raised = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();
    private final RaiseAlert alerts = new RaiseAlert() {
        @Override
        public void raise(String key, String title, String detail) {
            raised.add(key);
        }

        @Override
        public void resolve(String key) {
            resolved.add(key);
        }
    };
    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0);

    @Test
    void criticalAgentFailure_raises_andTheNextAnswerResolves() {
        var agent = new ScriptedReplyAgent().thenAnswer(new Answer.Unavailable("OpenAI rejected the API key", true));
        var receiving = new ReceivingCustomerMessage(
                new ReceivingCustomerMessage.Ports(
                        storage,
                        storage,
                        storage,
                        agent,
                        new RecordingChannel(),
                        storage,
                        new RecordingEvents(),
                        alerts),
                clock,
                ProfileSchema.standard(),
                "fallback",
                () -> {});

        storage.store(
                new RawDelivery("w", new byte[0], clock.instant()), List.of(text(giulia(), "w1", "Ciao")), List.of());
        receiving.receive(storage.pending(10));
        storage.store(
                new RawDelivery("w", new byte[0], clock.instant()),
                List.of(text(giulia(), "w2", "Ci sei?")),
                List.of());
        receiving.receive(storage.pending(10));

        assertThat(raised).containsExactly(ReceivingCustomerMessage.AGENT_ALERT);
        assertThat(resolved).containsExactly(ReceivingCustomerMessage.AGENT_ALERT);
    }

    @Test
    void criticalRefusalByTheChannel_raises_andAnAcceptedSendResolves() {
        var id = new ConversationId("c1");
        storage.save(Conversation.start(id, giulia())
                .receive("m", text(giulia(), "w", "Ciao"), ProfileSchema.standard())
                .conversation());
        var channel =
                new RecordingChannel().thenAnswer(new SendResult.Refused("template does not exist (132001)", true));
        var replies = new DeliveringReplies(
                storage, storage, channel, clock, DeliveringReplies.Policy.DEFAULT, new RecordingEvents(), alerts);

        storage.enqueue(id, Author.BOT, "uno", null, clock.instant());
        replies.deliverDue();
        storage.enqueue(id, Author.BOT, "due", null, clock.instant());
        replies.deliverDue();

        assertThat(raised).containsExactly(DeliveringReplies.REFUSED_ALERT);
        assertThat(resolved).contains(DeliveringReplies.REFUSED_ALERT);
    }

    @Test
    void healthWatch_raisesForDownChecks_andResolvesUpOnes() {
        var health = new CheckHealth() {
            @Override
            public Health check() {
                return new Health(
                        Status.DOWN,
                        Map.of(
                                "database", new Check(Status.DOWN, "read-only"),
                                "backlog", new Check(Status.UP, "inbox 0, outbox 0")));
            }
        };

        new HealthWatch(health, alerts).check();

        assertThat(raised).containsExactly("health.database");
        assertThat(resolved).containsExactly("health.backlog");
    }
}
