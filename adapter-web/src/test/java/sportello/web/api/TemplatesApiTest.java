package sportello.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.fake.TestMessages;
import sportello.web.Desk;
import sportello.web.Http;

/** {@code /api/templates} and {@code POST /api/conversations/{id}/templates}: approved templates, listed and sent. */
class TemplatesApiTest {

    private static final String ORDER_UPDATE =
            "{\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"parameters\": [\"Giulia\", \"58213\"]}";

    private final Desk desk = Desk.open();
    private final Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private JsonNode json(String body) throws Exception {
        return desk.json.readTree(body);
    }

    private ConversationId giuliaWroteYesterday() {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();
        desk.clock.advance(Duration.ofHours(25));
        return id;
    }

    private String templatesOf(ConversationId id) {
        return "/api/conversations/" + id.value() + "/templates";
    }

    @Test
    void theApprovedTemplates_areListedWithTheirTextAndHowManyValues() throws Exception {
        var response = http.get("/api/templates");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json("[{\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"category\": \"UTILITY\","
                        + " \"body\": \"Ciao {{1}}, il tuo ordine {{2}} è in viaggio.\", \"parameters\": 2,"
                        + " \"header\": null, \"linkButtons\": []}]"));
    }

    @Test
    void aTemplateWithAnImageHeaderAndALinkButton_isListedWithThem_andSentWithTheirValues() throws Exception {
        desk.templates.with(new sportello.ports.out.MessageTemplate(
                "traccia_spedizione",
                "it",
                "UTILITY",
                "Ciao {{1}}, il tuo pacco è partito.",
                1,
                sportello.domain.conversation.TemplateHeader.Format.IMAGE,
                List.of(1)));
        var id = giuliaWroteYesterday();

        var listed = json(http.get("/api/templates").body()).get(1);
        var missingHeader = http.post(
                templatesOf(id),
                "{\"name\": \"traccia_spedizione\", \"language\": \"it\", \"parameters\": [\"Giulia\"],"
                        + " \"buttons\": [{\"index\": 1, \"type\": \"url\", \"text\": \"58213\"}]}");
        var complete = http.post(
                templatesOf(id),
                "{\"name\": \"traccia_spedizione\", \"language\": \"it\", \"parameters\": [\"Giulia\"],"
                        + " \"header\": {\"type\": \"image\", \"link\": \"https://files.example.it/pacco.jpg\"},"
                        + " \"buttons\": [{\"index\": 1, \"type\": \"url\", \"text\": \"58213\"}]}");

        assertThat(listed.path("header").asText()).isEqualTo("image");
        assertThat(listed.path("linkButtons").get(0).asInt()).isEqualTo(1);
        assertThat(missingHeader.statusCode()).isEqualTo(400);
        assertThat(json(missingHeader.body()).path("message").asText()).contains("needs a header image");
        assertThat(complete.statusCode()).isEqualTo(202);
        var queued = desk.storage.claimDue(desk.clock.instant(), 10);
        assertThat(queued).singleElement().satisfies(entry -> {
            assertThat(entry.template().header().value()).isEqualTo("https://files.example.it/pacco.jpg");
            assertThat(entry.template().buttons())
                    .containsExactly(new sportello.domain.conversation.TemplateButton(
                            1, sportello.domain.conversation.TemplateButton.Kind.URL, "58213"));
        });
    }

    @Test
    void whenTheChannelCannotListThem_is503WithTheReason() throws Exception {
        desk.templates.unavailable("the WhatsApp Business account id is not configured");

        var response = http.get("/api/templates");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).path("error").asText()).isEqualTo("templates_unavailable");
        assertThat(json(response.body()).path("message").asText())
                .isEqualTo("the WhatsApp Business account id is not configured");
    }

    @Test
    void aTemplate_isQueuedInTheConversation_202WithTheOutboxEntry() throws Exception {
        var id = giuliaWroteYesterday();

        var response = http.post(templatesOf(id), ORDER_UPDATE);

        assertThat(response.statusCode()).isEqualTo(202);
        var body = json(response.body());
        assertThat(body.path("conversationId").asText()).isEqualTo(id.value());
        assertThat(body.path("status").asText()).isEqualTo("queued");
        var queued = desk.storage.claimDue(desk.clock.instant(), 10);
        assertThat(queued).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(body.path("id").asText());
            assertThat(entry.template())
                    .isEqualTo(new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213")));
        });
        var conversation = desk.storage.byId(id).orElseThrow();
        assertThat(conversation.mode()).isEqualTo(Mode.HUMAN);
        assertThat(conversation.messages().getLast().kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(conversation.messages().getLast().text())
                .isEqualTo("Ciao Giulia, il tuo ordine 58213 è in viaggio.");
    }

    @Test
    void anUnknownTemplate_orTheWrongNumberOfValues_is400WithTheReason() throws Exception {
        var id = giuliaWroteYesterday();

        var unknown = http.post(templatesOf(id), "{\"name\": \"order_ready\", \"language\": \"en\"}");
        var tooFew = http.post(
                templatesOf(id),
                "{\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"parameters\": [\"Giulia\"]}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).path("error").asText()).isEqualTo("bad_request");
        assertThat(json(unknown.body()).path("message").asText())
                .contains("no approved template 'order_ready'", "aggiornamento_ordine (it)");
        assertThat(tooFew.statusCode()).isEqualTo(400);
        assertThat(json(tooFew.body()).path("message").asText()).contains("needs 2 values, 1 given");
        assertThat(desk.storage.unsentCount()).isZero();
    }

    @Test
    void anInvalidBody_is400SayingWhatToSend() throws Exception {
        var id = giuliaWroteYesterday();

        var notJson = http.post(templatesOf(id), "name=aggiornamento_ordine");
        var noLanguage = http.post(templatesOf(id), "{\"name\": \"aggiornamento_ordine\"}");
        var badName = http.post(templatesOf(id), "{\"name\": \"Order Update!\", \"language\": \"it\"}");
        var notAList = http.post(
                templatesOf(id), "{\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"parameters\": \"x\"}");
        var blankValue = http.post(
                templatesOf(id),
                "{\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"parameters\": [\"Giulia\", \" \"]}");

        assertThat(json(notJson.body()).path("message").asText()).contains("not valid JSON");
        assertThat(json(noLanguage.body()).path("message").asText()).contains("\"language\"", "GET /api/templates");
        assertThat(json(badName.body()).path("message").asText()).contains("template name 'Order Update!'");
        assertThat(json(notAList.body()).path("message").asText()).contains("\"parameters\" must be a list");
        assertThat(json(blankValue.body()).path("message").asText()).contains("parameter is empty");
        for (var response : List.of(notJson, noLanguage, badName, notAList, blankValue)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).path("error").asText()).isEqualTo("bad_request");
        }
        assertThat(desk.storage.unsentCount()).isZero();
    }

    @Test
    void anUnknownConversation_is404() throws Exception {
        var response = http.post("/api/conversations/no-such-conversation/templates", ORDER_UPDATE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void whenTheChannelCannotListThem_aTemplateIsStillSent_unchecked() throws Exception {
        var id = giuliaWroteYesterday();
        desk.templates.unavailable("Meta did not answer");

        var response = http.post(templatesOf(id), ORDER_UPDATE);
        desk.deliverReplies();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(desk.channel.templates()).extracting(TemplateMessage::name).containsExactly("aggiornamento_ordine");
    }

    @Test
    void withoutLogin_aClientBeyondTheLocalNetwork_isRefused() throws Exception {
        var id = giuliaWroteYesterday();
        var proxy = new String[] {"X-Forwarded-For", "203.0.113.7"};

        var list = http.get("/api/templates", proxy);
        var send = http.post(templatesOf(id), ORDER_UPDATE, proxy);
        var otherSite = http.post(templatesOf(id), ORDER_UPDATE, "Origin", "https://evil.example");

        for (var response : List.of(list, send, otherSite)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response.body()).path("error").asText()).isEqualTo("forbidden");
        }
        assertThat(list.body()).doesNotContain("aggiornamento_ordine");
        assertThat(desk.storage.unsentCount()).isZero();
    }
}
