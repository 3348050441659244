package sportello.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel.SendResult;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

class WhatsAppCloudChannelTest {

    private static final String OUTBOX_ID = "01JD3Q8Z6YV5M2K7C9R4T0W1XA";
    private static final Customer GIULIA = Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    private static final Customer CHIARA = Customer.of("IT.2468013579246801", null, "Chiara");
    private static final String ACCEPTED_WAMID = "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTVEMDA1Q0UwRjQ2NDVGQkMzAA==";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient shared = new OkHttpClient();

    @Test
    void textToPhone_isPostedInTheFixtureShapeWithTheBearerToken() throws Exception {
        server.enqueue(json(200, "send-text.response.json"));
        JsonNode expected = fixtureTree("send-text.request.json");
        ((ObjectNode) expected.path("text")).put("preview_url", false);
        String body = expected.path("text").path("body").asText();

        SendResult result = channel().send(GIULIA, body, OUTBOX_ID);

        assertThat(result).isEqualTo(new SendResult.Accepted(ACCEPTED_WAMID));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v26.0/106540352242922/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.ACCESS_TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(mapper.readTree(request.getBody().utf8())).isEqualTo(expected);
    }

    @Test
    void textToUsernameUser_isAddressedByRecipientUserId() throws Exception {
        server.enqueue(json(200, "send-text-to-user-id.response.json"));
        ObjectNode expected = (ObjectNode) fixtureTree("send-text-to-user-id.request.json");
        ((ObjectNode) expected.path("text")).put("preview_url", false);
        expected.put("biz_opaque_callback_data", "outbox:" + OUTBOX_ID);
        String body = expected.path("text").path("body").asText();

        SendResult result = channel().send(CHIARA, body, OUTBOX_ID);

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(mapper.readTree(server.takeRequest().getBody().utf8())).isEqualTo(expected);
    }

    @Test
    void baseUrlWithoutTrailingSlash_reachesTheSamePath() throws Exception {
        server.enqueue(json(200, "send-text.response.json"));
        String base = server.url("/").toString().replaceAll("/$", "");
        var channel = new WhatsAppCloudChannel(TestSettings.at(base), shared, mapper);

        channel.send(GIULIA, "ciao", OUTBOX_ID);

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v26.0/106540352242922/messages");
    }

    @Test
    void unknownError131000On500_isRetriedLater() {
        server.enqueue(json(500, "error-131000.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(SendResult.RetryLater.class, retry -> {
                    assertThat(retry.reason()).contains("try again", "[WhatsApp error 131000: ");
                    assertThat(retry.after()).isEqualTo(Duration.ZERO);
                });
    }

    @Test
    void throughputLimitWithRetryAfter_isRetriedAfterThatDelay() {
        server.enqueue(json(429, "error-130429.response.json")
                .newBuilder()
                .addHeader("Retry-After", "30")
                .build());

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isEqualTo(new SendResult.RetryLater(
                        "This business number reached WhatsApp's messages-per-second limit and the message was not"
                                + " sent. Sportello will try again shortly. [WhatsApp error 130429: Rate limit hit"
                                + " (This business number has reached its messages-per-second limit.)]",
                        Duration.ofSeconds(30)));
    }

    @Test
    void rateLimitCodesOn400_areRetriedLaterBecauseTheCodeDecides() {
        server.enqueue(json(400, "error-130429.response.json"));
        server.enqueue(json(400, "error-131056.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID)).isInstanceOf(SendResult.RetryLater.class);
    }

    @Test
    void invalidToken190_blocksSendingWithoutShowingTheToken() {
        server.enqueue(json(401, "error-190.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.Blocked.class,
                        blocked -> assertThat(blocked.reason())
                                .startsWith("WhatsApp rejected Sportello's access token, so sending is paused.")
                                .contains(
                                        "Create a new system-user token in Meta Business Settings",
                                        "set a valid WHATSAPP_ACCESS_TOKEN and restart Sportello",
                                        "messages are kept",
                                        "[WhatsApp error 190: ")
                                .doesNotContain(TestSettings.ACCESS_TOKEN));
    }

    @Test
    void closedWindow131047_isRefusedAndSaysOnlyATemplateCanBeSent() {
        server.enqueue(json(400, "error-131047.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.OutsideWindow.class,
                        outside -> assertThat(outside.reason())
                                .contains("only an approved template", "[WhatsApp error 131047: "));
    }

    @Test
    void spamLimit131048_blocksSending() {
        server.enqueue(json(400, "error-131048.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.Blocked.class,
                        blocked -> assertThat(blocked.reason()).contains("sending is paused", "WhatsApp Manager"));
    }

    @Test
    void invalidParameter100_isRefusedNotCriticalWithCodeAndDetails() {
        server.enqueue(json(400, "error-100.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
                    assertThat(refused.critical()).isFalse();
                    assertThat(refused.reason())
                            .endsWith("[WhatsApp error 100: Invalid parameter (Unexpected key \"txt\" on param"
                                    + " \"text\".)]");
                });
    }

    @Test
    void permanentCodeOn500_isStillRefusedBecauseTheCodeDecides() {
        server.enqueue(json(500, "error-131009.response.json"));

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
                    assertThat(refused.critical()).isFalse();
                    assertThat(refused.reason()).contains("[WhatsApp error 131009: ");
                });
    }

    @Test
    void unparseableErrorBodies_fallBackToTheHttpStatus() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html>Bad gateway</html>")
                .addHeader("Retry-After", "5")
                .build());
        server.enqueue(new MockResponse.Builder().code(400).body("oops").build());
        server.enqueue(new MockResponse.Builder().code(401).build());

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(SendResult.RetryLater.class, retry -> {
                    assertThat(retry.reason()).contains("[HTTP 502, no WhatsApp error code]");
                    assertThat(retry.after()).isEqualTo(Duration.ofSeconds(5));
                });
        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
                    assertThat(refused.reason()).contains("[HTTP 400, no WhatsApp error code]");
                    assertThat(refused.critical()).isFalse();
                });
        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.Blocked.class,
                        blocked -> assertThat(blocked.reason()).contains("[HTTP 401, no WhatsApp error code]"));
    }

    @Test
    void acceptedAnswerWithoutMessageId_isInDoubt() {
        server.enqueue(
                new MockResponse.Builder().code(200).body("{\"success\":true}").build());

        assertThat(channel().send(GIULIA, "ciao", OUTBOX_ID)).isInstanceOf(SendResult.InDoubt.class);
    }

    @Test
    void noAnswerAfterTheRequestWasWritten_isInDoubtAndNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        var channel = new WhatsAppCloudChannel(
                TestSettings.at(server.url("/").toString()),
                shared,
                mapper,
                Duration.ofSeconds(2),
                Duration.ofMillis(300));

        SendResult result = channel.send(GIULIA, "ciao", OUTBOX_ID);

        assertThat(result).isInstanceOf(SendResult.InDoubt.class);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedAfterTheRequest_isInDoubtAndNotSilentlyRepeated() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(json(200, "send-text.response.json"));

        SendResult result = channel().send(GIULIA, "ciao", OUTBOX_ID);

        assertThat(result).isInstanceOf(SendResult.InDoubt.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionRefused_isRetriedLaterBecauseNothingArrived() {
        var channel = channel();
        server.close();

        assertThat(channel.send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class,
                        retry -> assertThat(retry.after()).isEqualTo(Duration.ZERO));
    }

    @Test
    void unknownHost_isRetriedLater() {
        OkHttpClient noDns = shared.newBuilder()
                .dns(host -> {
                    throw new UnknownHostException(host);
                })
                .build();
        var channel = new WhatsAppCloudChannel(TestSettings.at(server.url("/").toString()), noDns, mapper);

        assertThat(channel.send(GIULIA, "ciao", OUTBOX_ID)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void emojisCountAsOneCharacterEach() {
        server.enqueue(json(200, "send-text.response.json"));

        assertThat(channel().send(GIULIA, "😊".repeat(4096), OUTBOX_ID)).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void blankText_isRefusedWithoutCallingWhatsApp() {
        assertThat(channel().send(GIULIA, " ", OUTBOX_ID)).isInstanceOf(SendResult.Refused.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void markRead_postsTheFixtureBodyFromTheCustomersBusinessNumber() throws Exception {
        server.enqueue(json(200, "send-mark-read-typing.response.json"));

        channel().markRead("106540352242922", "wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v26.0/106540352242922/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.ACCESS_TOKEN);
        assertThat(mapper.readTree(request.getBody().utf8()))
                .isEqualTo(fixtureTree("send-mark-read-typing.request.json"));
    }

    @Test
    void markReadForAnotherNumber_usesThatNumber_andBlankFallsBackToOurs() throws Exception {
        server.enqueue(json(200, "send-mark-read-typing.response.json"));
        server.enqueue(json(200, "send-mark-read-typing.response.json"));

        channel().markRead("555000", "wamid.A");
        channel().markRead("", "wamid.B");

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v26.0/555000/messages");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v26.0/106540352242922/messages");
    }

    @Test
    void markReadFailures_neverThrow() {
        server.enqueue(json(500, "error-131000.response.json"));
        var channel = channel();

        assertThatCode(() -> channel.markRead("106540352242922", "wamid.A")).doesNotThrowAnyException();
        server.close();
        assertThatCode(() -> channel.markRead("106540352242922", "wamid.A")).doesNotThrowAnyException();
        assertThatCode(() -> channel.markRead(null, null)).doesNotThrowAnyException();
    }

    private WhatsAppCloudChannel channel() {
        return new WhatsAppCloudChannel(TestSettings.at(server.url("/").toString()), shared, mapper);
    }

    private JsonNode fixtureTree(String name) throws Exception {
        return mapper.readTree(Fixtures.bytes(name));
    }

    private static MockResponse json(int code, String fixture) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-fb-trace-id", "TRACE123")
                .body(Fixtures.text(fixture))
                .build();
    }
}
