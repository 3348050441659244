package sportello.ports.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import sportello.domain.customer.Customer;
import sportello.ports.fake.RecordingAlertSink;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.RecordingMetrics;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.WebhookReader;

/** The fakes used by use-case tests keep the same promises as the real adapters. */
class FakesKeepTheContractsTest {

    @Nested
    class ScriptedTranscriberTest extends TranscriberContract {
        private final sportello.ports.fake.ScriptedTranscriber transcriber =
                new sportello.ports.fake.ScriptedTranscriber();

        @Override
        protected sportello.ports.out.Transcriber transcriber() {
            return transcriber;
        }

        @Override
        protected void arrangeSpeech() {
            transcriber.says("Buongiorno, il mio ordine è il 58213");
        }

        @Override
        protected void arrangeOutage() {
            transcriber.unavailable("OpenAI answered 503");
        }
    }

    @Nested
    class StaticTemplatesTest extends TemplatesContract {
        private final sportello.ports.fake.StaticTemplates templates = new sportello.ports.fake.StaticTemplates();

        @Override
        protected sportello.ports.out.Templates templates() {
            return templates;
        }

        @Override
        protected void arrangeOrderUpdateApproved() {}

        @Override
        protected void arrangeUnreachable() {
            templates.unavailable("Graph answered 503");
        }
    }

    @Nested
    class InMemoryMediaStoreTest extends MediaStoreContract {
        private final sportello.ports.fake.InMemoryMediaStore store =
                new sportello.ports.fake.InMemoryMediaStore(clock);

        @Override
        protected sportello.ports.out.MediaStore store() {
            return store;
        }
    }

    @Nested
    class ScriptedMediaSourceTest extends MediaSourceContract {
        private final sportello.ports.fake.ScriptedMediaSource source =
                new sportello.ports.fake.ScriptedMediaSource(1000);

        @Override
        protected sportello.ports.out.MediaSource source() {
            return source;
        }

        @Override
        protected String account() {
            return "106540352242922";
        }

        @Override
        protected void arrangeImage() {
            source.publish(IMAGE_ID, "image/jpeg", IMAGE);
        }

        @Override
        protected void arrangeOutage(String mediaId) {
            source.outage(1);
        }

        @Override
        protected void arrangeGone(String mediaId) {}

        @Override
        protected void arrangeTooLarge(String mediaId) {
            source.publish(mediaId, "video/mp4", new byte[1001]);
        }
    }

    @Nested
    class RecordingChannelTest extends ChannelContract {
        private final RecordingChannel channel = new RecordingChannel();

        @Override
        protected Channel channel() {
            return channel;
        }

        @Override
        protected void arrangeAccepted() {}

        @Override
        protected void arrangeTemporaryFailure() {
            channel.thenAnswer(new Channel.SendResult.RetryLater("503", java.time.Duration.ZERO));
        }

        @Override
        protected void arrangePermanentRefusal() {
            channel.thenAnswer(new Channel.SendResult.Refused("invalid recipient", false));
        }
    }

    @Nested
    class ScriptedReplyAgentTest extends ReplyAgentContract {
        private final ScriptedReplyAgent agent = new ScriptedReplyAgent();

        @Override
        protected ReplyAgent agent() {
            return agent;
        }

        @Override
        protected void arrangeReply(String text) {
            agent.thenAnswer(new ReplyAgent.Answer.Reply(text));
        }

        @Override
        protected void arrangeOutage() {
            agent.thenAnswer(new ReplyAgent.Answer.Unavailable("backend down", false));
        }
    }

    @Nested
    class StubWebhookReaderTest extends WebhookReaderContract {
        private final StubWebhookReader reader = new StubWebhookReader()
                .carrying(List.of(TestMessages.text(Customer.of("IT.1", null, null), "w1", "Ciao è 😊")), List.of());

        @Override
        protected WebhookReader reader() {
            return reader;
        }

        @Override
        protected SignedDelivery signedText() {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            return new SignedDelivery(body, Map.of("x-test-signature", StubWebhookReader.sign(body)), "Ciao è 😊");
        }

        @Override
        protected Map<String, String> validHandshake(String challenge) {
            return Map.of("token", "ok", "challenge", challenge);
        }

        @Override
        protected Map<String, String> handshakeWithWrongToken(String challenge) {
            return Map.of("token", "nope", "challenge", challenge);
        }
    }

    @Nested
    class RecordingAlertSinkTest extends AlertSinkContract {
        private final RecordingAlertSink sink = new RecordingAlertSink();

        @Override
        protected sportello.ports.out.AlertSink sink() {
            return sink;
        }

        @Override
        protected void arrangeReceiverDown() {}
    }

    @Nested
    class RecordingMetricsTest extends MetricsContract {
        private final RecordingMetrics metrics = new RecordingMetrics();

        @Override
        protected sportello.ports.out.Metrics metrics() {
            return metrics;
        }
    }

    @Nested
    class RecordingEventsTest extends ConversationEventsContract {
        private final RecordingEvents events = new RecordingEvents();

        @Override
        protected sportello.ports.out.ConversationEvents events() {
            return events;
        }
    }
}
