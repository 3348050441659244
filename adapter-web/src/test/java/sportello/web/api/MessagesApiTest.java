package sportello.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.fake.TestMessages;
import sportello.web.Desk;
import sportello.web.Http;

/** {@code POST /api/messages}: integrations write to customers by phone number or WhatsApp user id. */
class MessagesApiTest {

    private final Desk desk = Desk.open();
    private final Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private JsonNode json(String body) throws Exception {
        return desk.json.readTree(body);
    }

    @Test
    void byPhoneNumber_isQueued_202WithTheOutboxEntryId() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();

        var response =
                http.post("/api/messages", "{\"to\": \"+39 333 123 4567\", \"text\": \"Il suo ordine è pronto\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        var body = json(response.body());
        assertThat(body.path("status").asText()).isEqualTo("queued");
        assertThat(body.path("conversationId").asText()).isEqualTo(id.value());
        String entry = body.path("id").asText();
        assertThat(entry).isNotBlank();
        var queued = desk.storage.claimDue(desk.clock.instant(), 10);
        assertThat(queued).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(entry);
            assertThat(e.text()).isEqualTo("Il suo ordine è pronto");
        });
        var conversation = desk.storage.byId(id).orElseThrow();
        assertThat(conversation.mode()).isEqualTo(Mode.HUMAN);
        assertThat(conversation.messages().getLast().author()).isEqualTo(Author.STAFF);
    }

    @Test
    void byWhatsAppUserId_isQueuedToo() throws Exception {
        var id = desk.customerWrites(TestMessages.chiara(), "Salve");

        var response = http.post("/api/messages", "{\"to\": \"IT.2468013579246801\", \"text\": \"Buongiorno Chiara\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response.body()).path("conversationId").asText()).isEqualTo(id.value());
    }

    @Test
    void outsideThe24HourWindow_is409WithTheReason() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();
        desk.clock.advance(Duration.ofHours(25));

        var closed = http.post("/api/messages", "{\"to\": \"+393331234567\", \"text\": \"Ci sentiamo?\"}");
        var stranger = http.post("/api/messages", "{\"to\": \"+39 345 000 0000\", \"text\": \"Ciao\"}");

        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(json(closed.body()).path("error").asText()).isEqualTo("not_sendable");
        assertThat(json(closed.body()).path("message").asText()).contains("24 hours", "template");
        assertThat(stranger.statusCode()).isEqualTo(409);
        assertThat(desk.storage.claimDue(desk.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aTemplate_outsideThe24HourWindow_isQueued_202WithTheOutboxEntryId() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();
        desk.clock.advance(Duration.ofHours(25));

        var response = http.post(
                "/api/messages",
                "{\"to\": \"+39 333 123 4567\", \"template\": {\"name\": \"aggiornamento_ordine\","
                        + " \"language\": \"it\", \"parameters\": [\"Giulia\", \"58213\"]}}");
        desk.deliverReplies();

        assertThat(response.statusCode()).isEqualTo(202);
        var body = json(response.body());
        assertThat(body.path("conversationId").asText()).isEqualTo(id.value());
        assertThat(body.path("id").asText()).isNotBlank();
        assertThat(desk.channel.templates())
                .containsExactly(new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213")));
        assertThat(desk.storage.byId(id).orElseThrow().messages().getLast().text())
                .isEqualTo("Ciao Giulia, il tuo ordine 58213 è in viaggio.");
    }

    @Test
    void aTemplateThatIsNotApproved_is409WithTheReason() throws Exception {
        var response = http.post(
                "/api/messages",
                "{\"to\": \"+393331234567\", \"template\": {\"name\": \"order_ready\", \"language\": \"en\"}}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response.body()).path("error").asText()).isEqualTo("not_sendable");
        assertThat(json(response.body()).path("message").asText()).contains("no approved template 'order_ready'");
        assertThat(desk.storage.claimDue(desk.clock.instant(), 10)).isEmpty();
    }

    @Test
    void textAndTemplateTogether_orABadTemplate_is400() throws Exception {
        var both = http.post(
                "/api/messages",
                "{\"to\": \"+393331234567\", \"text\": \"Ciao\", \"template\": {\"name\": \"aggiornamento_ordine\","
                        + " \"language\": \"it\"}}");
        var noName = http.post("/api/messages", "{\"to\": \"+393331234567\", \"template\": {\"language\": \"it\"}}");
        var notAnObject = http.post("/api/messages", "{\"to\": \"+393331234567\", \"template\": \"x\"}");

        for (var response : List.of(both, noName, notAnObject)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).path("message").asText()).contains("exactly one of");
        }
        assertThat(desk.storage.claimDue(desk.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aBadBody_is400SayingWhatToSend() throws Exception {
        var notJson = http.post("/api/messages", "to=+393331234567");
        var noText = http.post("/api/messages", "{\"to\": \"+393331234567\"}");
        var blankTo = http.post("/api/messages", "{\"to\": \" \", \"text\": \"Ciao\"}");
        var numberTo = http.post("/api/messages", "{\"to\": 393331234567, \"text\": \"Ciao\"}");
        var array = http.post("/api/messages", "[]");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).path("message").asText()).contains("not valid JSON");
        for (var response : List.of(noText, blankTo, numberTo, array)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).path("error").asText()).isEqualTo("bad_request");
            assertThat(json(response.body()).path("message").asText()).contains("\"to\"", "\"text\"");
        }
    }
}
