package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.RecordingMetrics;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.Channel.SendResult;
import sportello.ports.out.ReplyAgent.Answer;
import sportello.ports.out.Usage;

/** Every webhook, agent turn and send is counted, with its outcome and the tokens used. */
class MetricsFromTheWorkTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RecordingEvents events = new RecordingEvents();

    @Test
    void aMessageFromWebhookToReply_isCountedAtEveryStep() {
        var reader = new StubWebhookReader().carrying(List.of(text(giulia(), "w1", "Ciao")), List.of());
        var webhook = new ReceivingWebhook("whatsapp", reader, storage, clock, () -> {}, events, metrics);
        var usage = new Usage("gpt-4.1-mini", 1864, 1536, 38, new BigDecimal("0.000346"), TestMessages.T0);
        var agent = new ScriptedReplyAgent().thenAnswer(new Answer.Reply("Buongiorno!", List.of(usage)));
        var channel = new RecordingChannel().thenAnswer(new SendResult.RetryLater("500", java.time.Duration.ZERO));
        var receiving = new ReceivingCustomerMessage(
                new ReceivingCustomerMessage.Ports(
                        storage, storage, storage, agent, channel, storage, events, RaiseAlert.NONE, metrics),
                clock,
                ProfileSchema.standard(),
                "fallback",
                () -> {});
        var replies = new DeliveringReplies(
                storage, storage, channel, clock, DeliveringReplies.Policy.DEFAULT, events, RaiseAlert.NONE, metrics);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        webhook.receive(body, Map.of("x-test-signature", StubWebhookReader.sign(body)));
        webhook.receive(body, Map.of("x-test-signature", "forged"));
        receiving.receive(storage.pending(10));
        replies.deliverDue();
        clock.advance(java.time.Duration.ofMinutes(1));
        replies.deliverDue();

        assertThat(metrics.lines())
                .containsExactly(
                        "webhook stored 1",
                        "webhook rejected 0",
                        "agent reply 1864",
                        "processed",
                        "send retry",
                        "send accepted");
    }
}
