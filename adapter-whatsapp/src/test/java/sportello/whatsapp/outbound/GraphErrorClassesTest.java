package sportello.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.outbound.GraphAnswers.fixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel.SendResult;
import sportello.whatsapp.TestSettings;
import sportello.whatsapp.graph.GraphError;
import sportello.whatsapp.graph.GraphErrorClass;

/**
 * Each class of reference §12, through the real client: the captured error fixture, served under several HTTP
 * statuses because Meta's statuses for the same error vary and only the code may decide. Then every listed code.
 */
class GraphErrorClassesTest {

    private static final Customer GIULIA = Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    private static final String OUTBOX_ID = "01JD3Q8Z6YV5M2K7C9R4T0W1XA";

    /** "What happened. What to do. [WhatsApp error CODE: Meta's words]" */
    private static final String HUMAN_REASON = "^[A-Z][^\\[]*\\. \\[WhatsApp error %d(: [^\\]]*)?\\]$";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestClock clock = new TestClock();

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 503})
    void retryClass_131000_isRetriedLaterUnderAnyStatus(int status) {
        server.enqueue(fixture(status, "error-131000.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.RetryLater.class, retry -> {
            assertHumanReason(retry.reason(), 131000);
            assertThat(retry.reason()).contains("temporary problem", "will try again");
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 429, 500, 503})
    void rateLimitedClass_130429_isRetriedAfterTheHintUnderAnyStatus(int status) {
        server.enqueue(fixture(status, "error-130429.response.json")
                .newBuilder()
                .addHeader("Retry-After", "7")
                .build());

        assertThat(send()).isInstanceOfSatisfying(SendResult.RetryLater.class, retry -> {
            assertHumanReason(retry.reason(), 130429);
            assertThat(retry.after()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 429, 500})
    void pairRateClass_131056_pausesThisCustomerForOneSecondFirst(int status) {
        server.enqueue(fixture(status, "error-131056.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.RetryLater.class, retry -> {
            assertHumanReason(retry.reason(), 131056);
            assertThat(retry.reason()).contains("this customer", "1 second");
            assertThat(retry.after()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 404, 500})
    void windowClosedClass_131047_isRefusedNotCritical_onlyATemplateCanBeSent(int status) {
        server.enqueue(fixture(status, "error-131047.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.OutsideWindow.class, outside -> {
            assertHumanReason(outside.reason(), 131047);
            assertThat(outside.reason()).contains("only an approved template");
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 500})
    void reAuthClass_190_blocksSending_askingForANewToken(int status) {
        server.enqueue(fixture(status, "error-190.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.Blocked.class, blocked -> {
            assertHumanReason(blocked.reason(), 190);
            assertThat(blocked.reason())
                    .contains("sending is paused", "set a valid WHATSAPP_ACCESS_TOKEN", "messages are kept")
                    .doesNotContain(TestSettings.ACCESS_TOKEN);
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 404, 500})
    void configurationClass_132001_isRefusedCritical_withConfigurationAdvice(int status) {
        server.enqueue(fixture(status, "error-132001.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertHumanReason(refused.reason(), 132001);
            assertThat(refused.critical()).isTrue();
            assertThat(refused.reason()).contains("configuration problem", "template");
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 429, 500})
    void accountBlockedClass_131048_blocksSending(int status) {
        server.enqueue(fixture(status, "error-131048.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.Blocked.class, blocked -> {
            assertHumanReason(blocked.reason(), 131048);
            assertThat(blocked.reason()).contains("restricted", "spam", "sending is paused", "messages are kept");
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 404, 500, 503})
    void permanentClass_100And131009_areRefusedNotCritical(int status) {
        server.enqueue(fixture(status, "error-100.response.json"));
        server.enqueue(fixture(status, "error-131009.response.json"));

        assertThat(send()).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertHumanReason(refused.reason(), 100);
            assertThat(refused.critical()).isFalse();
        });
        assertThat(send()).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertHumanReason(refused.reason(), 131009);
            assertThat(refused.critical()).isFalse();
            assertThat(refused.reason()).contains("will not be retried");
        });
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 429, 500})
    void marketingLimitClass_131049And131050_areNeverRetried(int status) {
        server.enqueue(GraphAnswers.error(status, 131049));
        server.enqueue(GraphAnswers.error(status, 131050));

        assertThat(send()).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertHumanReason(refused.reason(), 131049);
            assertThat(refused.critical()).isFalse();
            assertThat(refused.reason()).contains("within 24 hours");
        });
        assertThat(send()).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertHumanReason(refused.reason(), 131050);
            assertThat(refused.reason()).contains("stopped marketing messages");
        });
    }

    static Stream<Arguments> everyListedCode() {
        return Stream.of(
                        codes(GraphErrorClass.RETRY, 1, 2, 131000, 131016, 133004, 131057),
                        codes(GraphErrorClass.RATE_LIMITED, 130429, 4, 80007),
                        codes(GraphErrorClass.PAIR_RATE, 131056),
                        codes(GraphErrorClass.WINDOW_CLOSED, 131047),
                        codes(GraphErrorClass.RE_AUTH, 190, 0),
                        codes(
                                GraphErrorClass.CONFIGURATION,
                                IntStream.concat(
                                                IntStream.of(3, 10, 131005, 133010, 131045, 131042),
                                                IntStream.of(132000, 132001, 132005, 132007, 132012, 132015, 132016))
                                        .toArray()),
                        codes(
                                GraphErrorClass.CONFIGURATION,
                                IntStream.rangeClosed(200, 299).toArray()),
                        codes(GraphErrorClass.ACCOUNT_BLOCKED, 131048, 368, 131031),
                        codes(
                                GraphErrorClass.PERMANENT,
                                100,
                                131008,
                                131009,
                                131026,
                                131051,
                                131052,
                                131053,
                                131021,
                                130403,
                                130497,
                                131062),
                        codes(GraphErrorClass.MARKETING_LIMIT, 131049, 131050),
                        codes(GraphErrorClass.UNKNOWN, 199, 300, 131999, 5))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("everyListedCode")
    void everyListedCode_getsItsClassOutcome_withAHumanReasonNamingTheCode(int code, GraphErrorClass expected) {
        var error = Optional.of(new GraphError(code, "(#" + code + ") Error title", "Some details.", "trace"));

        SendResult result = ErrorClassification.classify(400, error, Duration.ZERO);

        assertThat(GraphErrorClass.of(code)).isEqualTo(expected);
        switch (expected) {
            case RETRY, RATE_LIMITED, PAIR_RATE -> assertThat(result).isInstanceOf(SendResult.RetryLater.class);
            case RE_AUTH, ACCOUNT_BLOCKED -> assertThat(result).isInstanceOf(SendResult.Blocked.class);
            case CONFIGURATION ->
                assertThat(result)
                        .isInstanceOfSatisfying(
                                SendResult.Refused.class,
                                refused -> assertThat(refused.critical()).isTrue());
            case WINDOW_CLOSED -> assertThat(result).isInstanceOf(SendResult.OutsideWindow.class);
            case PERMANENT, MARKETING_LIMIT, UNKNOWN ->
                assertThat(result)
                        .isInstanceOfSatisfying(
                                SendResult.Refused.class,
                                refused -> assertThat(refused.critical()).isFalse());
        }
        assertHumanReason(reason(result), code);
    }

    @Test
    void maintenance131057_waitsAtLeastAMinute() {
        var error = Optional.of(new GraphError(131057, "Account in maintenance mode", null, null));

        assertThat(ErrorClassification.classify(503, error, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class,
                        retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void configurationReasons_giveAdviceForTheirKindOfProblem() {
        assertThat(reason(classify(200))).contains("whatsapp_business_messaging", "whatsapp_business_management");
        assertThat(reason(classify(133010))).contains("not registered", "WHATSAPP_PHONE_ID");
        assertThat(reason(classify(131042))).contains("payment");
        assertThat(reason(classify(132015))).contains("Message templates");
    }

    private static SendResult classify(int code) {
        return ErrorClassification.classify(403, Optional.of(new GraphError(code, null, null, null)), Duration.ZERO);
    }

    private static Stream<Arguments> codes(GraphErrorClass errorClass, int... codes) {
        return IntStream.of(codes).mapToObj(code -> Arguments.of(code, errorClass));
    }

    private SendResult send() {
        var channel = new WhatsAppCloudChannel(
                TestSettings.at(server.url("/").toString()),
                new OkHttpClient(),
                new ObjectMapper(),
                new Pacing(Pacing.DEFAULT_MESSAGES_PER_SECOND, clock));
        return channel.send(GIULIA, "ciao", OUTBOX_ID);
    }

    private static String reason(SendResult result) {
        return switch (result) {
            case SendResult.RetryLater retry -> retry.reason();
            case SendResult.Refused refused -> refused.reason();
            case SendResult.InDoubt doubt -> doubt.reason();
            case SendResult.Blocked blocked -> blocked.reason();
            case SendResult.OutsideWindow outside -> outside.reason();
            case SendResult.Accepted accepted -> throw new AssertionError("accepted: " + accepted);
        };
    }

    private static void assertHumanReason(String reason, int code) {
        assertThat(reason).matches(Pattern.compile(HUMAN_REASON.formatted(code), Pattern.DOTALL));
    }
}
