package sportello.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.outbound.GraphAnswers.accepted;
import static sportello.whatsapp.outbound.GraphAnswers.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.ports.fake.StaticTemplates;
import sportello.ports.out.Channel.SendResult;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/** Templates on the wire (reference §9): the body values, the recipient, and the same answers as a text. */
class TemplateSendTest {

    private static final String OUTBOX_ID = "01JD3Q8Z6YV5M2K7C9R4T0W1XA";
    private static final Customer GIULIA = Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    private static final Customer CHIARA = Customer.of("IT.2468013579246801", null, "Chiara");
    private static final TemplateMessage ORDER_UPDATE =
            new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213"));
    private static final TemplateMessage APPOINTMENT =
            new TemplateMessage("conferma_appuntamento", "it", List.of("Giulia", "giovedì", "10:30"));
    private static final MessageTemplate NAMED_APPOINTMENT = new MessageTemplate(
            "conferma_appuntamento", "it", "UTILITY", "Ciao {{nome}}, ti aspettiamo {{giorno}} alle {{ora}}.", 3);

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final ObjectMapper mapper = new ObjectMapper();
    private final TestClock clock = new TestClock();

    @Test
    void templateToPhone_isPostedAsTheFixturesBodyComponent_withTheOutboxId() throws Exception {
        server.enqueue(fixture(200, "send-template.response.json"));

        SendResult result = channel(Templates.NONE).sendTemplate(GIULIA, ORDER_UPDATE, OUTBOX_ID);

        assertThat(result)
                .isEqualTo(new SendResult.Accepted("wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSMkNCNjhBMjA5QjM2ODJCQkIyAA=="));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v26.0/106540352242922/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.ACCESS_TOKEN);
        assertThat(body(request)).isEqualTo(bodyOnlyFixture());
    }

    @Test
    void templateWithHeaderImageAndQuickReplyPayload_isPostedExactlyAsTheReferenceRequest() throws Exception {
        server.enqueue(fixture(200, "send-template.response.json"));
        var withExtras = new TemplateMessage(
                "aggiornamento_ordine",
                "it",
                List.of("Giulia", "58213"),
                new TemplateHeader(TemplateHeader.Format.IMAGE, "https://files.example.it/banner-ordini.jpg"),
                List.of(new TemplateButton(0, TemplateButton.Kind.QUICK_REPLY, "ORDER_58213_OK")));

        channel(Templates.NONE).sendTemplate(GIULIA, withExtras, OUTBOX_ID);

        ObjectNode expected = (ObjectNode) mapper.readTree(Fixtures.bytes("send-template.request.json"));
        expected.put("biz_opaque_callback_data", "outbox:" + OUTBOX_ID);
        assertThat(body(server.takeRequest())).isEqualTo(expected);
    }

    @Test
    void headerByMediaIdAndUrlButton_useTheIdAndTheUrlSuffix() throws Exception {
        server.enqueue(fixture(200, "send-template.response.json"));
        var withExtras = new TemplateMessage(
                "traccia_spedizione",
                "it",
                List.of(),
                new TemplateHeader(TemplateHeader.Format.DOCUMENT, "1013859600285441"),
                List.of(new TemplateButton(1, TemplateButton.Kind.URL, "58213")));

        channel(Templates.NONE).sendTemplate(GIULIA, withExtras, OUTBOX_ID);

        JsonNode components = body(server.takeRequest()).at("/template/components");
        assertThat(components).hasSize(2);
        assertThat(components.at("/0/parameters/0/document/id").asText()).isEqualTo("1013859600285441");
        assertThat(components.at("/1/sub_type").asText()).isEqualTo("url");
        assertThat(components.at("/1/index").asText()).isEqualTo("1");
        assertThat(components.at("/1/parameters/0/text").asText()).isEqualTo("58213");
    }

    @Test
    void templateToUsernameUser_isAddressedByRecipientUserId() throws Exception {
        server.enqueue(accepted("wamid.T1"));
        ObjectNode expected = bodyOnlyFixture();
        expected.remove("to");
        expected.put("recipient", "IT.2468013579246801");

        channel(Templates.NONE).sendTemplate(CHIARA, ORDER_UPDATE, OUTBOX_ID);

        assertThat(body(server.takeRequest())).isEqualTo(expected);
    }

    @Test
    void templateWithoutValues_isSentWithoutComponents() throws Exception {
        server.enqueue(accepted("wamid.T1"));

        channel(Templates.NONE).sendTemplate(GIULIA, new TemplateMessage("benvenuto", "it", List.of()), null);

        JsonNode body = body(server.takeRequest());
        assertThat(body.path("template").has("components")).isFalse();
        assertThat(body.path("template").path("name").asText()).isEqualTo("benvenuto");
        assertThat(body.has("biz_opaque_callback_data")).isFalse();
    }

    @Test
    void namedTemplateInTheCatalogue_sendsEachValueWithItsName() throws Exception {
        server.enqueue(accepted("wamid.T1"));
        var catalogue = new StaticTemplates().with(NAMED_APPOINTMENT);

        channel(catalogue).sendTemplate(GIULIA, APPOINTMENT, OUTBOX_ID);

        JsonNode parameters = body(server.takeRequest())
                .path("template")
                .path("components")
                .path(0)
                .path("parameters");
        assertThat(parameters.findValuesAsText("parameter_name")).containsExactly("nome", "giorno", "ora");
        assertThat(parameters.findValuesAsText("text")).containsExactly("Giulia", "giovedì", "10:30");
    }

    @Test
    void catalogueUnavailable_orTemplateNotInIt_sendsPositionalValues() throws Exception {
        server.enqueue(accepted("wamid.T1"));
        server.enqueue(accepted("wamid.T2"));

        channel(new StaticTemplates().unavailable("down")).sendTemplate(GIULIA, APPOINTMENT, OUTBOX_ID);
        channel(new StaticTemplates()).sendTemplate(GIULIA, APPOINTMENT, OUTBOX_ID);

        assertThat(body(server.takeRequest()).findValues("parameter_name")).isEmpty();
        assertThat(body(server.takeRequest()).findValues("parameter_name")).isEmpty();
    }

    @Test
    void closedWindow131047_isRefusedNotCritical() {
        server.enqueue(fixture(400, "error-131047.response.json"));

        assertThat(channel(Templates.NONE).sendTemplate(GIULIA, ORDER_UPDATE, OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.OutsideWindow.class,
                        outside -> assertThat(outside.reason())
                                .contains("only an approved template", "[WhatsApp error 131047: "));
    }

    @Test
    void rejectedToken190_blocksSending_untilTheTokenIsReplaced() {
        server.enqueue(fixture(401, "error-190.response.json"));

        assertThat(channel(Templates.NONE).sendTemplate(GIULIA, ORDER_UPDATE, OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.Blocked.class,
                        blocked -> assertThat(blocked.reason())
                                .contains("sending is paused", "WHATSAPP_ACCESS_TOKEN", "[WhatsApp error 190: ")
                                .doesNotContain(TestSettings.ACCESS_TOKEN));
    }

    @Test
    void connectionDroppedAfterTheRequest_isInDoubtAndNotRepeated() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(accepted("wamid.T1"));

        SendResult result = channel(Templates.NONE).sendTemplate(GIULIA, ORDER_UPDATE, OUTBOX_ID);

        assertThat(result).isInstanceOf(SendResult.InDoubt.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void templatesShareTheNumbersPace_withTexts() {
        server.enqueue(accepted("wamid.A"));
        var channel = channel(1, Templates.NONE);
        channel.send(GIULIA, "ciao", OUTBOX_ID);

        SendResult result = channel.sendTemplate(GIULIA, ORDER_UPDATE, OUTBOX_ID);

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pairRateHitByATemplate_pausesTextsToThatCustomer() {
        server.enqueue(fixture(400, "error-131056.response.json"));
        var channel = channel(Templates.NONE);
        channel.sendTemplate(GIULIA, ORDER_UPDATE, OUTBOX_ID);

        SendResult result = channel.send(GIULIA, "ciao", OUTBOX_ID);

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** The reference request without its header image and button, for a template that has neither. */
    private ObjectNode bodyOnlyFixture() throws Exception {
        ObjectNode expected = (ObjectNode) mapper.readTree(Fixtures.bytes("send-template.request.json"));
        ArrayNode components = (ArrayNode) expected.path("template").path("components");
        for (int i = components.size() - 1; i >= 0; i--) {
            if (!"body".equals(components.get(i).path("type").asText())) {
                components.remove(i);
            }
        }
        expected.put("biz_opaque_callback_data", "outbox:" + OUTBOX_ID);
        return expected;
    }

    private JsonNode body(RecordedRequest request) throws Exception {
        return mapper.readTree(request.getBody().utf8());
    }

    private WhatsAppCloudChannel channel(Templates catalogue) {
        return channel(Pacing.DEFAULT_MESSAGES_PER_SECOND, catalogue);
    }

    private WhatsAppCloudChannel channel(int messagesPerSecond, Templates catalogue) {
        return new WhatsAppCloudChannel(
                TestSettings.at(server.url("/").toString()),
                new OkHttpClient(),
                mapper,
                new Pacing(messagesPerSecond, clock),
                catalogue);
    }
}
