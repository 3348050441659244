package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.StaticTemplates;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.SendToCustomer.Outcome;
import sportello.ports.in.UnknownConversation;

/** Outside the 24-hour window only templates go out: checked against the approved list, then sent as templates. */
class SendingTemplatesTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0.plus(Duration.ofDays(3)));
    private final StaticTemplates templates = new StaticTemplates();
    private final RecordingChannel channel = new RecordingChannel();
    private final SendingTemplates sending =
            new SendingTemplates(templates, storage, storage, clock, () -> {}, new RecordingEvents());
    private final DeliveringReplies delivering = new DeliveringReplies(
            storage, storage, channel, clock, DeliveringReplies.Policy.DEFAULT, new RecordingEvents());

    private static final TemplateMessage ORDER_UPDATE =
            new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213"));

    @BeforeEach
    void giuliaWroteThreeDaysAgo() {
        storage.save(Conversation.start(new ConversationId("c1"), giulia())
                .receive("m1", text(giulia(), "w1", "Ciao"), ProfileSchema.standard())
                .conversation());
    }

    @Test
    void approvedTemplate_isQueued_shownWithItsText_andSentAsATemplate() {
        var outcome = sending.send(new ConversationId("c1"), ORDER_UPDATE);

        assertThat(outcome).isInstanceOf(Outcome.Queued.class);
        var last =
                storage.byId(new ConversationId("c1")).orElseThrow().messages().getLast();
        assertThat(last.kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(last.author()).isEqualTo(Author.STAFF);
        assertThat(last.text()).isEqualTo("Ciao Giulia, il tuo ordine 58213 è in viaggio.");

        delivering.deliverDue();

        assertThat(channel.templates()).containsExactly(ORDER_UPDATE);
        assertThat(storage.byId(new ConversationId("c1")).orElseThrow().mode()).isEqualTo(Mode.HUMAN);
    }

    @Test
    void unknownTemplate_isRefused_namingTheApprovedOnes() {
        var outcome = sending.send(new ConversationId("c1"), new TemplateMessage("saldi_natale", "it", List.of()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        r -> assertThat(r.reason()).contains("saldi_natale").contains("aggiornamento_ordine (it)"));
        assertThat(storage.unsentCount()).isZero();
    }

    @Test
    void wrongNumberOfValues_isRefused() {
        var outcome =
                sending.send(new ConversationId("c1"), new TemplateMessage("aggiornamento_ordine", "it", List.of("x")));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.reason()).contains("needs 2 values, 1 given"));
    }

    @Test
    void listThatCannotBeRead_doesNotBlockSending_theChannelDecides() {
        templates.unavailable("WHATSAPP_ACCOUNT_ID is not set");

        var outcome = sending.send(new ConversationId("c1"), ORDER_UPDATE);

        assertThat(outcome).isInstanceOf(Outcome.Queued.class);
        assertThat(storage.byId(new ConversationId("c1"))
                        .orElseThrow()
                        .messages()
                        .getLast()
                        .text())
                .isEqualTo(ORDER_UPDATE.preview());
    }

    @Test
    void customerWhoNeverWrote_getsANewConversation() {
        var outcome = sending.sendTo("+39 347 123 4567", ORDER_UPDATE);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Queued.class,
                        q -> assertThat(storage.byId(q.conversation())
                                        .orElseThrow()
                                        .customer()
                                        .phone())
                                .isEqualTo("393471234567"));
    }

    @Test
    void unknownConversationOrRecipient_isReported() {
        assertThatThrownBy(() -> sending.send(new ConversationId("nope"), ORDER_UPDATE))
                .isInstanceOf(UnknownConversation.class);
        assertThat(sending.sendTo("not a number", ORDER_UPDATE)).isInstanceOf(Outcome.Refused.class);
    }
}
