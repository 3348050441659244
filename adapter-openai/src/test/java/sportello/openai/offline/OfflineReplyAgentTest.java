package sportello.openai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;
import sportello.ports.out.AgentTools;
import sportello.ports.out.ReplyAgent.Answer;

class OfflineReplyAgentTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final ProfileSchema schema = ProfileSchema.standard();
    private final OfflineReplyAgent agent = new OfflineReplyAgent("Ceramiche Bellini");
    private final Customer giulia = Customer.of("IT.1", "393331234567", "Giulia");
    private final RecordingAgentTools tools = new RecordingAgentTools();
    private int sequence;

    @TempDir
    Path dir;

    private Conversation says(Conversation conversation, String text) {
        sequence++;
        var message = new CustomerMessage(
                "acc", "w" + sequence, giulia, MessageKind.TEXT, text, NOW.plusSeconds(sequence), "{}");
        return conversation.receive("m" + sequence, message, schema).conversation();
    }

    private String reply(Conversation conversation) {
        return reply(agent, conversation);
    }

    private String reply(OfflineReplyAgent offline, Conversation conversation) {
        return ((Answer.Reply) offline.answer(conversation, schema, NOW, tools)).text();
    }

    private Conversation start() {
        return Conversation.start(new ConversationId("c"), giulia);
    }

    private OfflineReplyAgent withFaq(String faq) throws Exception {
        Path file = dir.resolve("faq.txt");
        Files.writeString(file, faq, StandardCharsets.UTF_8);
        return new OfflineReplyAgent("Ceramiche Bellini", new FaqFile(file));
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

    @Test
    void italianCustomerAsksForAPerson_isHandedOver_andToldSomeoneWillFollowUp() {
        var conversation = says(start(), "Ciao");
        conversation = says(conversation, "Vorrei parlare con un operatore, per favore");

        String text = reply(conversation);

        assertThat(tools.handoffs())
                .singleElement()
                .asString()
                .startsWith("Il cliente chiede di parlare con una persona")
                .contains("Vorrei parlare con un operatore");
        assertThat(text).contains("una persona del nostro staff").contains("ti risponderà qui");
        assertThat(tools.profileSaves()).isEmpty();
    }

    @Test
    void handoffWhileClosed_tellsTheCustomerTheOpeningHours() {
        tools.closedNow("lun-sab 15-19");
        var conversation = says(start(), "Vorrei parlare con un operatore");

        assertThat(reply(conversation)).contains("Ora siamo chiusi (orari: lun-sab 15-19)");
    }

    @Test
    void englishCustomerAsksForAHuman_isHandedOverInEnglish() {
        var conversation = says(start(), "Hi, can I talk to a real person please?");

        String text = reply(conversation);

        assertThat(tools.handoffs()).hasSize(1);
        assertThat(text).startsWith("Hi!").contains("member of our staff, who will follow up here");
    }

    @Test
    void everyHandoffWord_isRecognised() {
        for (String words : new String[] {
            "C'è un operatore?", "Mi passi una persona", "Voglio un essere umano", "Posso parlare con qualcuno?",
            "I want a human", "Can I speak to a person", "Agent please", "Can someone help me?"
        }) {
            assertThat(HandoffRequest.isIn(words)).as(words).isTrue();
        }
        assertThat(HandoffRequest.isIn("Vorrei sapere gli orari del negozio")).isFalse();
        assertThat(HandoffRequest.isIn("Personalmente preferisco il blu")).isFalse();
    }

    @Test
    void refusedHandoff_tellsTheCustomerToTryAgain_notThatSomeoneWillAnswer() {
        AgentTools refusing = new AgentTools() {
            @Override
            public ToolResult saveProfile(Map<String, String> values) {
                return new ToolResult(true, "saved");
            }

            @Override
            public ToolResult requestHandoff(String reason) {
                return new ToolResult(false, "no staff configured");
            }
        };
        var conversation = says(says(start(), "Ciao"), "Mi passi un operatore?");

        var answer = (Answer.Reply) agent.answer(conversation, schema, NOW, refusing);

        assertThat(answer.text()).contains("non riesco a passarti").doesNotContain("ti risponderà");
    }

    @Test
    void faqQuestion_isAnsweredFromTheFile_thenTheNextMissingFieldIsAsked() throws Exception {
        var offline = withFaq("""
                # Ceramiche Bellini
                Q: A che ora chiudete il sabato?
                keywords: orari, apertura
                A: Siamo aperti dal lunedì al sabato, 9:30–19:00.

                Q: Spedite all'estero?
                A: Sì, spediamo in tutta Europa.
                """);
        var conversation = says(says(start(), "Ciao"), "Sabato a che ora chiudete?");

        String text = reply(offline, conversation);

        assertThat(text).isEqualTo("Siamo aperti dal lunedì al sabato, 9:30–19:00. Come ti chiami?");
    }

    @Test
    void faqKeyword_onTheFirstMessage_isAnsweredAfterTheGreeting() throws Exception {
        var offline = withFaq("""
                keywords: spedizione, shipping
                A: Spediamo in 2–3 giorni lavorativi.
                """);

        String text = reply(offline, says(start(), "Quanto costa la spedizione?"));

        assertThat(text)
                .isEqualTo("Ciao! Sono l'assistente di Ceramiche Bellini. Spediamo in 2–3 giorni lavorativi."
                        + " Come ti chiami?");
    }

    @Test
    void faqAnswer_withCompleteProfile_asksNothingMore() throws Exception {
        var offline = withFaq("keywords: orari\nA: Dalle 9:30 alle 19:00.\n");
        var conversation = says(start(), "Mi chiamo Giulia Rossi");
        conversation = says(conversation, "giulia.rossi@example.it");
        conversation = says(conversation, "l'ordine è il n. 58213");
        conversation = says(conversation, "E gli orari?");

        assertThat(reply(offline, conversation)).isEqualTo("Dalle 9:30 alle 19:00.");
    }

    @Test
    void noFaqMatch_fallsBackToAskingForTheProfile() throws Exception {
        var offline = withFaq("keywords: spedizione\nA: Spediamo in 2–3 giorni.\n");
        var conversation = says(says(start(), "Ciao"), "Avete vasi blu?");

        assertThat(reply(offline, conversation)).isEqualTo("Grazie! Come ti chiami?");
    }

    @Test
    void missingFaqFile_isNoFaq() {
        var offline = new OfflineReplyAgent("Ceramiche Bellini", new FaqFile(dir.resolve("none.txt")));

        assertThat(reply(offline, says(says(start(), "Ciao"), "Orari?"))).isEqualTo("Grazie! Come ti chiami?");
    }
}
