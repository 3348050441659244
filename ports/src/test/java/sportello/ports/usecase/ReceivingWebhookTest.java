package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.ReceiveWebhook.Outcome;

class ReceivingWebhookTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final StubWebhookReader reader = new StubWebhookReader();
    private int wakeUps;
    private final ReceivingWebhook receiving = new ReceivingWebhook(
            "whatsapp", reader, storage, new ManualClock(TestMessages.T0), () -> wakeUps++, new RecordingEvents());
    private final byte[] body = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signedDelivery_isStored_andWakesTheWorkers() {
        reader.carrying(List.of(TestMessages.text(TestMessages.giulia(), "wamid.1", "Ciao")), List.of());

        var outcome = receiving.receive(body, Map.of("x-test-signature", StubWebhookReader.sign(body)));

        assertThat(outcome).isEqualTo(new Outcome.Stored(1));
        assertThat(storage.pending(10)).hasSize(1);
        assertThat(wakeUps).isEqualTo(1);
    }

    @Test
    void staffMessageFromTheBusinessApp_isRecordedAsStaff_andTheBotStepsAside() {
        var withConversations = new ReceivingWebhook(
                "whatsapp",
                reader,
                storage,
                new ManualClock(TestMessages.T0),
                () -> wakeUps++,
                new RecordingEvents(),
                sportello.ports.out.Metrics.NONE,
                storage,
                storage,
                sportello.ports.in.RaiseAlert.NONE);
        var echo = new sportello.domain.conversation.BusinessEcho(
                TestMessages.ACCOUNT, "wamid.echo", TestMessages.giulia(), "Ciao Giulia, ci penso io", TestMessages.T0);
        reader.echoing(echo);

        var headers = Map.of("x-test-signature", StubWebhookReader.sign(body));
        withConversations.receive(body, headers);
        withConversations.receive(body, headers);

        var conversation = storage.byCustomer(TestMessages.giulia()).orElseThrow();
        assertThat(conversation.mode()).isEqualTo(sportello.domain.conversation.Mode.HUMAN);
        assertThat(conversation.messages())
                .singleElement()
                .satisfies(m -> assertThat(m.author()).isEqualTo(sportello.domain.conversation.Author.STAFF));
        assertThat(storage.pending(10)).isEmpty();
    }

    @Test
    void laterWindowClosedFailure_closesTheWindow_andFlagsTheConversationForStaff() {
        var withConversations = new ReceivingWebhook(
                "whatsapp",
                reader,
                storage,
                new ManualClock(TestMessages.T0),
                () -> wakeUps++,
                new RecordingEvents(),
                sportello.ports.out.Metrics.NONE,
                storage,
                storage,
                sportello.ports.in.RaiseAlert.NONE);
        var conversationId = new sportello.domain.conversation.ConversationId("c1");
        storage.save(sportello.domain.conversation.Conversation.start(conversationId, TestMessages.giulia())
                .receive(
                        "m-in",
                        TestMessages.text(TestMessages.giulia(), "wamid.in", "Ciao"),
                        sportello.domain.profile.ProfileSchema.standard())
                .conversation());
        var reply = storage.enqueue(
                conversationId, sportello.domain.conversation.Author.STAFF, "Eccomi", null, TestMessages.T0);
        var failedAt = TestMessages.T0.plus(java.time.Duration.ofHours(2));
        reader.carrying(
                List.of(),
                List.of(new sportello.domain.conversation.StatusReport(
                        TestMessages.ACCOUNT,
                        "wamid.out",
                        sportello.domain.conversation.DeliveryState.FAILED,
                        failedAt,
                        "131047 Re-engagement message",
                        reply.id(),
                        null,
                        true)));

        withConversations.receive(body, Map.of("x-test-signature", StubWebhookReader.sign(body)));

        var conversation = storage.byId(conversationId).orElseThrow();
        assertThat(conversation.windowClosedAtValue()).contains(failedAt);
        assertThat(conversation.windowOpenAt(failedAt.plusSeconds(60))).isFalse();
        assertThat(conversation.attention().isNeeded()).isTrue();
        assertThat(conversation.attention().reason()).contains("131047");
    }

    @Test
    void somethingTheChannelSentThatCannotBeUsed_isKept_andAlertedOnce() {
        var alerts = new sportello.ports.fake.RecordingAlertSink();
        var alerting = new Alerting(
                java.util.List.of(alerts), new ManualClock(TestMessages.T0), java.time.Duration.ofHours(1), 20);
        var withAlerts = new ReceivingWebhook(
                "whatsapp",
                new sportello.ports.out.WebhookReader() {
                    @Override
                    public java.util.Optional<String> handshake(Map<String, String> query) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public Reading read(byte[] body, Map<String, String> headers) {
                        return new Reading.Events(
                                List.of(), List.of(), List.of("phone_number_id 999 is not configured in Sportello"));
                    }
                },
                storage,
                new ManualClock(TestMessages.T0),
                () -> wakeUps++,
                new RecordingEvents(),
                sportello.ports.out.Metrics.NONE,
                storage,
                storage,
                alerting);

        var first = withAlerts.receive(body, Map.of());
        withAlerts.receive(body, Map.of());

        assertThat(first).isEqualTo(new Outcome.Stored(0));
        assertThat(alerts.alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("999"));
    }

    @Test
    void forgedDelivery_isRejected_andNothingIsStored() {
        reader.carrying(List.of(TestMessages.text(TestMessages.giulia(), "wamid.1", "Ciao")), List.of());

        var outcome = receiving.receive(body, Map.of("x-test-signature", "forged"));

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(storage.pending(10)).isEmpty();
        assertThat(wakeUps).isZero();
    }

    @Test
    void unreadableDelivery_isKeptAside_andAcknowledged() {
        reader.unreadable("not JSON");

        var outcome = receiving.receive(body, Map.of("x-test-signature", StubWebhookReader.sign(body)));

        assertThat(outcome).isInstanceOf(Outcome.KeptUnreadable.class);
        assertThat(storage.unreadable()).containsExactly("not JSON");
    }

    @Test
    void storageFailure_isNotAcknowledged_soTheChannelRetries() {
        var failing = new ReceivingWebhook(
                "whatsapp",
                reader.carrying(List.of(TestMessages.text(TestMessages.giulia(), "wamid.1", "Ciao")), List.of()),
                new FailingInbox(),
                new ManualClock(TestMessages.T0),
                () -> {},
                new RecordingEvents());

        var outcome = failing.receive(body, Map.of("x-test-signature", StubWebhookReader.sign(body)));

        assertThat(outcome).isInstanceOf(Outcome.NotStored.class);
    }
}
