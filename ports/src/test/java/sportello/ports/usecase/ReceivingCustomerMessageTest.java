package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.reaction;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Mode;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.ReplyAgent.Answer;

class ReceivingCustomerMessageTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ScriptedReplyAgent agent = new ScriptedReplyAgent();
    private final RecordingChannel channel = new RecordingChannel();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private int wakeUps;
    private final RecordingEvents events = new RecordingEvents();
    private final ReceivingCustomerMessage receiving = new ReceivingCustomerMessage(
            new ReceivingCustomerMessage.Ports(storage, storage, storage, agent, channel, storage, events),
            clock,
            ProfileSchema.standard(),
            "Un collega le risponderà.",
            () -> wakeUps++);

    private void arrives(CustomerMessage message) {
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), TestMessages.T0),
                List.of(message),
                List.of());
    }

    private void processPending() {
        storage.pending(100).forEach(receiving::receive);
    }

    private Conversation giuliasConversation() {
        return storage.byCustomer(giulia()).orElseThrow();
    }

    private List<String> outgoingTexts() {
        return giuliasConversation().messages().stream()
                .filter(m -> m.direction() == Direction.OUT)
                .map(m -> m.text())
                .toList();
    }

    @Test
    void customerMessageInBotMode_queuesTheAgentsReply_andMarksRead() {
        arrives(text(giulia(), "wamid.1", "Sabato a che ora chiudete?"));

        processPending();

        assertThat(outgoingTexts()).containsExactly("Echo: Sabato a che ora chiudete?");
        assertThat(channel.markedRead()).containsExactly("wamid.1");
        assertThat(storage.pending(10)).isEmpty();
        assertThat(wakeUps).isEqualTo(1);
    }

    @Test
    void profileData_isExtractedFromTheMessage() {
        arrives(text(giulia(), "wamid.1", "Sono Giulia Rossi, giulia.rossi@example.it, ordine n. 58213"));

        processPending();

        var profile = giuliasConversation().profile();
        assertThat(profile.value("email").orElseThrow().value()).isEqualTo("giulia.rossi@example.it");
        assertThat(profile.value("orderNumber").orElseThrow().value()).isEqualTo("58213");
        assertThat(profile.isComplete(ProfileSchema.standard())).isTrue();
    }

    @Test
    void takenOverConversation_customerWrites_botStaysSilent() {
        arrives(text(giulia(), "wamid.1", "Ciao"));
        processPending();
        storage.save(giuliasConversation().withMode(Mode.HUMAN));

        arrives(text(giulia(), "wamid.2", "Ci siete?"));
        processPending();

        assertThat(agent.turns()).hasSize(1);
        assertThat(outgoingTexts()).hasSize(1);
        assertThat(giuliasConversation().messages()).hasSize(3);
    }

    @Test
    void reaction_isStoredButNeverAnswered() {
        arrives(reaction(giulia(), "wamid.r", "❤️"));

        processPending();

        assertThat(agent.turns()).isEmpty();
        assertThat(giuliasConversation().messages()).hasSize(1);
    }

    @Test
    void messageProcessedTwice_isAnsweredOnce() {
        arrives(text(giulia(), "wamid.1", "Ciao"));
        var entry = storage.pending(1).getFirst();

        receiving.receive(entry);
        receiving.receive(entry);

        assertThat(outgoingTexts()).hasSize(1);
        assertThat(agent.turns()).hasSize(1);
    }

    @Test
    void crashAfterStoringBeforeAnswering_isAnsweredOnRetry() {
        arrives(text(giulia(), "wamid.1", "Ciao"));
        var entry = storage.pending(1).getFirst();
        var stored = Conversation.start(new sportello.domain.conversation.ConversationId("c1"), giulia())
                .receive("m1", entry.message(), ProfileSchema.standard())
                .conversation();
        storage.save(stored); // the previous run got this far, then died

        receiving.receive(entry);

        assertThat(outgoingTexts()).containsExactly("Echo: Ciao");
    }

    @Test
    void agentUnavailable_sendsOnePoliteFallback_andFlagsForStaff() {
        agent.thenAnswer(
                new Answer.Unavailable("OpenAI quota exhausted", true),
                new Answer.Unavailable("OpenAI quota exhausted", true));
        arrives(text(giulia(), "wamid.1", "Ciao"));
        arrives(text(giulia(), "wamid.2", "C'è nessuno?"));

        processPending();

        assertThat(outgoingTexts()).containsExactly("Un collega le risponderà.");
        assertThat(giuliasConversation().attention().isNeeded()).isTrue();
        assertThat(giuliasConversation().attention().reason()).contains("quota");
    }

    @Test
    void staffTakingOverWhileTheAgentThinks_keepsTheBotSilent() {
        var takingOver = new ScriptedReplyAgent(c -> {
            storage.save(storage.byId(c.id()).orElseThrow().withMode(Mode.HUMAN));
            return new Answer.Reply("too late");
        });
        var racing = new ReceivingCustomerMessage(
                new ReceivingCustomerMessage.Ports(storage, storage, storage, takingOver, channel, storage, events),
                clock,
                ProfileSchema.standard(),
                "x",
                () -> {});
        arrives(text(giulia(), "wamid.1", "Ciao"));

        storage.pending(1).forEach(racing::receive);

        assertThat(outgoingTexts()).isEmpty();
    }

    @Test
    void newCustomer_startsInBotMode_andStaffRepliesAreAuthoredByStaff() {
        arrives(text(giulia(), "wamid.1", "Ciao"));
        processPending();

        var conversation = giuliasConversation();
        new SendingStaffReply(storage, storage, clock, () -> {}, events)
                .send(conversation.id(), "Sono Anna, la aiuto io");

        var updated = giuliasConversation();
        assertThat(updated.mode()).isEqualTo(Mode.HUMAN);
        assertThat(updated.messages().getLast().author()).isEqualTo(Author.STAFF);
    }
}
