package sportello.openai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ReplyAgent.Answer;

class OfflineReplyAgentTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final ProfileSchema schema = ProfileSchema.standard();
    private final OfflineReplyAgent agent = new OfflineReplyAgent("Ceramiche Bellini");
    private final Customer giulia = Customer.of("IT.1", "393331234567", "Giulia");
    private int sequence;

    private Conversation says(Conversation conversation, String text) {
        sequence++;
        var message = new CustomerMessage(
                "acc", "w" + sequence, giulia, MessageKind.TEXT, text, NOW.plusSeconds(sequence), "{}");
        return conversation.receive("m" + sequence, message, schema).conversation();
    }

    private String reply(Conversation conversation) {
        return ((Answer.Reply) agent.answer(conversation, schema, NOW)).text();
    }

    @Test
    void firstItalianMessage_isGreetedAndAskedForTheName() {
        var conversation =
                says(Conversation.start(new ConversationId("c"), giulia), "Ciao, vorrei sapere del mio ordine");

        assertThat(reply(conversation)).contains("Ceramiche Bellini").contains("Come ti chiami?");
    }

    @Test
    void englishCustomer_isAnsweredInEnglish() {
        var conversation = says(Conversation.start(new ConversationId("c"), giulia), "Hi, where is my order?");

        assertThat(reply(conversation)).startsWith("Hi!").contains("May I have your name?");
    }

    @Test
    void missingFields_areAskedOneAtATime_thenThanks() {
        var conversation = says(Conversation.start(new ConversationId("c"), giulia), "Ciao");
        conversation = says(conversation, "Mi chiamo Giulia Rossi");
        assertThat(reply(conversation)).contains("Grazie, Giulia Rossi!").contains("e-mail");

        conversation = says(conversation, "giulia.rossi@example.it");
        assertThat(reply(conversation)).contains("numero del tuo ordine");

        conversation = says(conversation, "l'ordine è il n. 58213");
        assertThat(reply(conversation)).contains("Ho tutti i dati");
    }
}
