package sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryMediaStore;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.StaticTemplates;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.CheckHealth;
import sportello.ports.in.SendToCustomer;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.HealthProbe;
import sportello.ports.usecase.ChangingMode;
import sportello.ports.usecase.CheckingHealth;
import sportello.ports.usecase.EditingProfile;
import sportello.ports.usecase.ManagingCustomerData;
import sportello.ports.usecase.QueryingConversations;
import sportello.ports.usecase.ReceivingCustomerMessage;
import sportello.ports.usecase.ReceivingWebhook;
import sportello.ports.usecase.SendingStaffReply;
import sportello.ports.usecase.SendingTemplates;
import sportello.ports.usecase.ViewingMedia;
import sportello.web.access.WebAccess;
import sportello.web.live.LiveUpdates;

class WebAppTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final StubWebhookReader reader = new StubWebhookReader();
    private final InMemoryMediaStore media = new InMemoryMediaStore(clock);
    private volatile CheckHealth.Check databaseCheck = new CheckHealth.Check(CheckHealth.Status.UP, "writable");
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;
    private String base;

    @BeforeEach
    void start() {
        var schema = ProfileSchema.standard();
        HealthProbe database = new HealthProbe() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public CheckHealth.Check probe() {
                return databaseCheck;
            }
        };
        var useCases = new WebApp.UseCases(
                new ReceivingWebhook("test", reader, storage, clock, () -> {}, ConversationEvents.NONE),
                new CheckingHealth(List.of(database)),
                new QueryingConversations(storage, schema, clock, ConversationEvents.NONE),
                new SendingStaffReply(storage, storage, clock, () -> {}, ConversationEvents.NONE),
                new ChangingMode(storage, ConversationEvents.NONE),
                new EditingProfile(storage, schema, clock, ConversationEvents.NONE),
                FixedAnalytics.sample(),
                new ManagingCustomerData(new FakeCustomerRecords(storage), media, clock, ConversationEvents.NONE),
                (to, text) -> new SendToCustomer.Outcome.Refused("not in this test"),
                new ViewingMedia(media),
                new SendingTemplates(
                        new StaticTemplates(), storage, storage, clock, () -> {}, ConversationEvents.NONE));
        app = new WebApp(useCases, WebAccess.localNetworkOnly(), new LiveUpdates(), clock, Desk.ROME, json)
                .withMetrics(() -> "sportello_webhooks_total{outcome=\"stored\"} 1.0\n")
                .create()
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String conversationFromGiulia(String text) {
        var message = TestMessages.text(TestMessages.giulia(), "wamid.1", text);
        storage.store(
                new sportello.ports.out.RawDelivery("test", new byte[0], TestMessages.T0), List.of(message), List.of());
        new ReceivingCustomerMessage(
                        new ReceivingCustomerMessage.Ports(
                                storage,
                                storage,
                                storage,
                                new ScriptedReplyAgent(),
                                new RecordingChannel(),
                                storage,
                                ConversationEvents.NONE),
                        clock,
                        ProfileSchema.standard(),
                        "fallback",
                        () -> {})
                .receive(storage.pending(1).getFirst());
        return storage.summaries(ConversationQuery.page(clock.instant(), 1, 0))
                .getFirst()
                .id()
                .value();
    }

    @Test
    void handshakeWithTheRightToken_echoesTheChallenge() throws Exception {
        var response = get("/webhook?token=ok&challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void handshakeWithAWrongToken_isForbidden() throws Exception {
        assertThat(get("/webhook?token=no&challenge=1").statusCode()).isEqualTo(403);
    }

    @Test
    void signedDelivery_isStoredAndAcknowledged() throws Exception {
        reader.carrying(List.of(TestMessages.text(TestMessages.giulia(), "wamid.1", "Ciao")), List.of());
        String body = "{\"any\":\"bytes è\"}";

        var response = post(
                "/webhook", body, "X-Test-Signature", StubWebhookReader.sign(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(storage.pending(10)).hasSize(1);
    }

    @Test
    void forgedDelivery_is401_andNothingIsStored() throws Exception {
        reader.carrying(List.of(TestMessages.text(TestMessages.giulia(), "wamid.1", "Ciao")), List.of());

        var response = post("/webhook", "{}", "X-Test-Signature", "0000");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(storage.pending(10)).isEmpty();
    }

    @Test
    void health_isUp_thenDown503WhenTheDatabaseIsNotWritable() throws Exception {
        var up = get("/health");
        databaseCheck = new CheckHealth.Check(CheckHealth.Status.DOWN, "read-only");
        var down = get("/health");

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json.readTree(up.body()).path("status").asText()).isEqualTo("UP");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json.readTree(down.body()).path("status").asText()).isEqualTo("DOWN");
        assertThat(json.readTree(down.body()).at("/checks/database/detail").asText())
                .isEqualTo("read-only");
    }

    @Test
    void conversationList_hasTheDocumentedFields() throws Exception {
        String id = conversationFromGiulia("Buongiorno, sono Giulia Rossi");

        JsonNode list = json.readTree(get("/api/conversations").body());

        assertThat(list).hasSize(1);
        JsonNode first = list.get(0);
        assertThat(first.path("id").asText()).isEqualTo(id);
        assertThat(first.path("waId").asText()).isEqualTo("393331234567");
        assertThat(first.path("userId").asText()).isEqualTo("IT.1234567890123456");
        assertThat(first.path("name").asText()).isEqualTo("Giulia Rossi");
        assertThat(first.path("mode").asText()).isEqualTo("BOT");
        assertThat(first.path("lastMessageAt").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(first.path("lastMessage").asText()).isEqualTo("Echo: Buongiorno, sono Giulia Rossi");
        assertThat(first.path("profileComplete").isBoolean()).isTrue();
    }

    @Test
    void conversationDetail_hasProfileAndMessages() throws Exception {
        String id = conversationFromGiulia("Sono Giulia Rossi, giulia.rossi@example.it");

        JsonNode detail = json.readTree(get("/api/conversations/" + id).body());

        assertThat(detail.path("id").asText()).isEqualTo(id);
        assertThat(detail.at("/profile/fields/email").asText()).isEqualTo("giulia.rossi@example.it");
        assertThat(detail.at("/profile/fields/name").asText()).isEqualTo("Giulia Rossi");
        assertThat(detail.at("/profile/complete").asBoolean()).isFalse();
        assertThat(detail.at("/profile/missing").toString()).contains("orderNumber");
        assertThat(detail.at("/profile/fields").has("phone")).isTrue();
        JsonNode messages = detail.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("direction").asText()).isEqualTo("in");
        assertThat(messages.get(0).path("author").asText()).isEqualTo("customer");
        assertThat(messages.get(1).path("direction").asText()).isEqualTo("out");
        assertThat(messages.get(1).path("author").asText()).isEqualTo("bot");
        assertThat(messages.get(1).path("status").asText()).isEqualTo("pending");
        assertThat(messages.get(1).path("at").asText()).isNotBlank();
    }

    @Test
    void unknownConversation_is404WithAJsonError() throws Exception {
        var response = get("/api/conversations/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("not_found");
        assertThat(json.readTree(response.body()).path("message").asText()).contains("nope");
    }

    @Test
    void staffReply_is202_andTakesTheConversationOver() throws Exception {
        String id = conversationFromGiulia("Ciao");

        var response = post("/api/conversations/" + id + "/messages", "{\"text\":\"Ci penso io, Giulia!\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode detail = json.readTree(get("/api/conversations/" + id).body());
        assertThat(detail.path("mode").asText()).isEqualTo("HUMAN");
        assertThat(detail.path("messages").get(2).path("author").asText()).isEqualTo("staff");
    }

    @Test
    void staffReplyOutsideThe24HourWindow_is409_andSaysToSendATemplate() throws Exception {
        String id = conversationFromGiulia("Ciao");
        clock.advance(java.time.Duration.ofHours(25));

        var response = post("/api/conversations/" + id + "/messages", "{\"text\":\"Ci penso io, Giulia!\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("outside_window");
        assertThat(json.readTree(response.body()).path("message").asText()).contains("template");
    }

    @Test
    void staffReplyWithoutText_is400() throws Exception {
        String id = conversationFromGiulia("Ciao");

        var response = post("/api/conversations/" + id + "/messages", "{\"txt\":\"typo\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("message").asText()).contains("text");
    }

    @Test
    void modeSwitch_is200_andBadModeIs400() throws Exception {
        String id = conversationFromGiulia("Ciao");

        var human = put("/api/conversations/" + id + "/mode", "{\"mode\":\"HUMAN\"}");
        var bad = put("/api/conversations/" + id + "/mode", "{\"mode\":\"ROBOT\"}");

        assertThat(human.statusCode()).isEqualTo(200);
        assertThat(json.readTree(human.body()).path("mode").asText()).isEqualTo("HUMAN");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void apiThroughAProxyOrTunnel_isRefused() throws Exception {
        var forwarded = get("/api/conversations", "X-Forwarded-For", "203.0.113.7");
        var realIp = get("/api/conversations", "X-Real-IP", "203.0.113.7");

        assertThat(forwarded.statusCode()).isEqualTo(403);
        assertThat(realIp.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forwarded.body()).path("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void webhookThroughATunnel_isStillAccepted() throws Exception {
        String body = "{}";

        var response = post(
                "/webhook",
                body,
                "X-Test-Signature",
                StubWebhookReader.sign(body.getBytes(StandardCharsets.UTF_8)),
                "X-Forwarded-For",
                "203.0.113.7");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void localNetworkAddresses_areRecognised() {
        assertThat(sportello.web.access.LocalNetworkOnlyProbe.isLocal("127.0.0.1"))
                .isTrue();
        assertThat(sportello.web.access.LocalNetworkOnlyProbe.isLocal("192.168.1.20"))
                .isTrue();
        assertThat(sportello.web.access.LocalNetworkOnlyProbe.isLocal("10.0.0.5"))
                .isTrue();
        assertThat(sportello.web.access.LocalNetworkOnlyProbe.isLocal("::1")).isTrue();
        assertThat(sportello.web.access.LocalNetworkOnlyProbe.isLocal("203.0.113.7"))
                .isFalse();
        assertThat(sportello.web.access.LocalNetworkOnlyProbe.isLocal("8.8.8.8"))
                .isFalse();
    }

    @Test
    void metrics_areServedInPrometheusTextFormat_onTheLocalNetworkOnly() throws Exception {
        var local = get("/metrics");
        var tunnelled = get("/metrics", "X-Forwarded-For", "203.0.113.7");

        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(local.body()).contains("sportello_webhooks_total{outcome=\"stored\"} 1.0");
        assertThat(tunnelled.statusCode()).isEqualTo(403);
    }
}
