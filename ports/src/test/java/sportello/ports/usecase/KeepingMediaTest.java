package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.photo;
import static sportello.ports.fake.TestMessages.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryMediaStore;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.ScriptedMediaSource;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.ScriptedTranscriber;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.MediaSource.Fetch;
import sportello.ports.out.RawDelivery;

/** Files customers send are copied to our storage before their message counts as processed. */
class KeepingMediaTest {

    private static final byte[] RECEIPT = "SPORTELLO-TEST-IMAGE".getBytes(StandardCharsets.US_ASCII);

    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryMediaStore media = new InMemoryMediaStore(clock);
    private final ScriptedMediaSource source = new ScriptedMediaSource();
    private final ScriptedReplyAgent agent = new ScriptedReplyAgent();
    private final ScriptedTranscriber transcriber = new ScriptedTranscriber();
    private final java.util.ArrayList<String> alerts = new java.util.ArrayList<>();
    private final java.util.ArrayList<java.time.Duration> pauses = new java.util.ArrayList<>();
    private final RaiseAlert raise = new RaiseAlert() {
        @Override
        public void raise(String key, String title, String detail) {
            alerts.add("raise " + key);
        }

        @Override
        public void resolve(String key) {
            alerts.add("resolve " + key);
        }
    };
    private final ReceivingCustomerMessage receiving = new ReceivingCustomerMessage(
            new ReceivingCustomerMessage.Ports(
                    storage, storage, storage, agent, new RecordingChannel(), storage, new RecordingEvents()),
            clock,
            ProfileSchema.standard(),
            "Un collega le risponderà.",
            () -> {},
            new ReceivingCustomerMessage.Extras(
                    new KeepingMedia(source, media, raise, pauses::add),
                    new TranscribingVoiceNotes(transcriber, media),
                    sportello.domain.business.BusinessHours.UNKNOWN));

    private void arrivesAndIsProcessed(sportello.domain.conversation.CustomerMessage message) {
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), TestMessages.T0),
                List.of(message),
                List.of());
        receiving.receive(storage.pending(100));
    }

    private List<Message> giuliasMessages() {
        return storage.byCustomer(giulia()).orElseThrow().messages();
    }

    @Test
    void photo_isStoredBeforeTheMessageIsDone_andTheConversationPointsAtIt() throws IOException {
        source.publish("1203948576102938", "image/jpeg", RECEIPT);

        arrivesAndIsProcessed(photo(giulia(), "wamid.p1", "1203948576102938", "Ecco lo scontrino"));

        try (var in = media.open("1203948576102938")) {
            assertThat(in.readAllBytes()).isEqualTo(RECEIPT);
        }
        var inbound = giuliasMessages().getFirst();
        assertThat(inbound.attachmentValue().orElseThrow().mediaId()).isEqualTo("1203948576102938");
        assertThat(inbound.text()).isEqualTo("Ecco lo scontrino");
        assertThat(storage.pending(10)).isEmpty();
        assertThat(giuliasMessages()).anyMatch(m -> m.direction() == Direction.OUT);
    }

    @Test
    void passingOutage_isRetriedWithPauses_andTheFileStillArrives() {
        source.publish("42", "image/jpeg", RECEIPT).outage(2);

        arrivesAndIsProcessed(photo(giulia(), "wamid.p1", "42", ""));

        assertThat(media.find("42")).isPresent();
        assertThat(pauses).hasSize(2);
        assertThat(storage.byCustomer(giulia()).orElseThrow().attention().isNeeded())
                .isFalse();
    }

    @Test
    void fileThatCannotBeHad_keepsTheMessage_andTellsStaffWhy() {
        // nothing published: the channel no longer has the file
        arrivesAndIsProcessed(photo(giulia(), "wamid.p1", "expired", "Ecco la foto del pacco rotto"));

        var conversation = storage.byCustomer(giulia()).orElseThrow();
        assertThat(conversation.messages().getFirst().text()).isEqualTo("Ecco la foto del pacco rotto");
        assertThat(conversation.attention().reasonValue().orElseThrow())
                .startsWith(ReceivingCustomerMessage.FILE_MISSING)
                .contains("no longer has this file");
        assertThat(storage.pending(10)).isEmpty();
    }

    @Test
    void outageThatLasts_givesUpAfterAFewTries_withTheLastReason() {
        source.publish("42", "image/jpeg", RECEIPT).outage(KeepingMedia.TRIES);

        arrivesAndIsProcessed(photo(giulia(), "wamid.p1", "42", ""));

        assertThat(source.requests()).isEqualTo(KeepingMedia.TRIES);
        assertThat(pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(KeepingMedia.LONGEST_PAUSE));
        assertThat(storage.byCustomer(giulia())
                        .orElseThrow()
                        .attention()
                        .reasonValue()
                        .orElseThrow())
                .contains("503");
    }

    @Test
    void criticalRefusal_raisesAnAlert_andTheNextGoodDownloadResolvesIt() {
        source.thenFail(new Fetch.Unavailable("WhatsApp refused the access token (190)", true))
                .publish("43", "image/jpeg", RECEIPT);

        arrivesAndIsProcessed(photo(giulia(), "wamid.p1", "42", ""));
        arrivesAndIsProcessed(photo(giulia(), "wamid.p2", "43", ""));

        assertThat(alerts).containsExactly("raise " + KeepingMedia.ALERT, "resolve " + KeepingMedia.ALERT);
    }

    @Test
    void voiceNote_isStored_transcribed_andAnsweredAsWhatTheCustomerSaid() {
        source.publish("voice-1", "audio/ogg; codecs=opus", new byte[] {1, 2, 3});
        transcriber.says("Buongiorno, sono Giulia Rossi, il mio ordine è il 58213");

        arrivesAndIsProcessed(voiceNote("wamid.v1", "voice-1"));

        var conversation = storage.byCustomer(giulia()).orElseThrow();
        assertThat(conversation.messages().getFirst().text())
                .isEqualTo("🎤 Buongiorno, sono Giulia Rossi, il mio ordine è il 58213");
        assertThat(conversation.profile().value("orderNumber").orElseThrow().value())
                .isEqualTo("58213");
        assertThat(agent.turns())
                .singleElement()
                .satisfies(turn -> assertThat(turn.messages().getFirst().text()).contains("ordine è il 58213"));
        assertThat(storage.of(conversation.id())).hasSize(1);
    }

    @Test
    void voiceNoteThatCannotBeTranscribed_staysAVoiceNote() {
        source.publish("voice-1", "audio/ogg", new byte[] {1, 2, 3});
        transcriber.unavailable("OpenAI answered 503");

        arrivesAndIsProcessed(voiceNote("wamid.v1", "voice-1"));

        assertThat(giuliasMessages().getFirst().text()).isEqualTo("🎤 voice message");
        assertThat(media.find("voice-1")).isPresent();
    }

    @Test
    void voiceNoteShownWhileTheCustomerTypes_isTranscribedOnlyOnce() {
        source.publish("voice-1", "audio/ogg", new byte[] {1, 2, 3});
        transcriber.says("ciao");
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), TestMessages.T0),
                List.of(voiceNote("wamid.v1", "voice-1")),
                List.of());

        receiving.record(storage.pending(100));
        receiving.receive(storage.pending(100));

        assertThat(transcriber.calls()).isEqualTo(1);
        assertThat(giuliasMessages().getFirst().text()).isEqualTo("🎤 ciao");
    }

    private static sportello.domain.conversation.CustomerMessage voiceNote(String id, String mediaId) {
        return new sportello.domain.conversation.CustomerMessage(
                TestMessages.ACCOUNT,
                id,
                giulia(),
                sportello.domain.conversation.MessageKind.AUDIO,
                "🎤 voice message",
                TestMessages.T0,
                "{}",
                new sportello.domain.conversation.Attachment(mediaId, "audio/ogg; codecs=opus", null));
    }

    @Test
    void alreadyStoredFile_isNotDownloadedAgain_andTextMessagesNeedNoDownload() {
        source.publish("42", "image/jpeg", RECEIPT);
        arrivesAndIsProcessed(photo(giulia(), "wamid.p1", "42", ""));

        arrivesAndIsProcessed(photo(giulia(), "wamid.p2", "42", "la stessa foto"));
        arrivesAndIsProcessed(text(giulia(), "wamid.t", "grazie"));

        assertThat(source.requests()).isEqualTo(1);
    }
}
