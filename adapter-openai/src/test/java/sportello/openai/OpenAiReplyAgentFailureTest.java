package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;
import sportello.ports.out.ReplyAgent.Answer;

/** Errors, retries and alerts (reference section 9). Time is fake: no test really waits for a backoff. */
class OpenAiReplyAgentFailureTest {

    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");
    private static final String REPLY = "Sabato chiudiamo alle 19:00 (apriamo alle 9:30, orario continuato). Sarà"
            + " un piacere mostrarle i vasi in negozio!";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Test
    void serverError_thenSuccess_isRetriedAfterBackoff() {
        server.enqueue(Fixtures.status(500, "error-500.json").build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent());

        assertThat(textOf(answer)).isEqualTo(REPLY);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(setup.time.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void rateLimit_thenSuccess_waitsForRetryAfterMs() {
        server.enqueue(Fixtures.status(429, "error-429-rate-limit.json")
                .addHeader("Retry-After", "1")
                .addHeader("retry-after-ms", "295")
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent());

        assertThat(textOf(answer)).isEqualTo(REPLY);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(setup.time.sleeps()).containsExactly(Duration.ofMillis(295));
        assertThat(setup.alerts).isEmpty();
    }

    @Test
    void overloaded_withRetryAfterSeconds_thenSuccess_waitsThatLong() {
        server.enqueue(Fixtures.status(503, "error-503-overloaded.json")
                .addHeader("Retry-After", "2")
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent());

        assertThat(textOf(answer)).isEqualTo(REPLY);
        assertThat(setup.time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void quotaExhausted_isNotRetried_andIsCritical() {
        server.enqueue(Fixtures.status(429, "error-429-insufficient-quota.json")
                .addHeader("x-should-retry", "true")
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        var unavailable = (Answer.Unavailable) answer;
        assertThat(unavailable.critical()).isTrue();
        assertThat(unavailable.reason()).startsWith("OpenAI quota exhausted: add credit or raise the limit");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(setup.alerts).hasSize(1);
    }

    @Test
    void invalidKey_isNotRetried_andIsCritical() {
        server.enqueue(Fixtures.status(401, "error-401.json").build());

        Answer answer = answer(setup.agent());

        assertThat(answer)
                .isEqualTo(new Answer.Unavailable("OpenAI rejected the API key: set a valid OPENAI_API_KEY", true));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(setup.alerts).singleElement().asString().doesNotContain(AgentSetup.API_KEY);
    }

    @Test
    void forbidden_isCritical() {
        server.enqueue(Fixtures.json(403, """
                        {"error": {"message": "Country, region, or territory not supported",
                          "type": "request_forbidden", "param": null, "code": "unsupported_country_region_territory"}}
                        """).build());

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unknownParameter_isNotRetried_andNotCritical() {
        server.enqueue(Fixtures.status(400, "error-400-unknown-parameter.json").build());

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        var unavailable = (Answer.Unavailable) answer;
        assertThat(unavailable.critical()).isFalse();
        assertThat(unavailable.reason())
                .contains("Unknown parameter: 'messages'.")
                .contains("messages");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(setup.alerts).isEmpty();
    }

    @Test
    void unknownModel_isCritical_andNamesTheSetting() {
        server.enqueue(Fixtures.json(404, """
                        {"error": {"message": "The model 'gpt-9' does not exist", "type": "invalid_request_error",
                          "param": "model", "code": "model_not_found"}}
                        """).build());

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        var unavailable = (Answer.Unavailable) answer;
        assertThat(unavailable.critical()).isTrue();
        assertThat(unavailable.reason()).contains("model or resource not found: check OPENAI_MODEL");
    }

    @Test
    void shouldRetryFalse_onServerError_stopsAtOnce() {
        server.enqueue(Fixtures.status(500, "error-500.json")
                .addHeader("x-should-retry", "false")
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryTrue_onBadRequest_isRetried() {
        server.enqueue(Fixtures.json(400, "{\"error\": {\"type\": \"invalid_request_error\"}}")
                .addHeader("x-should-retry", "true")
                .addHeader("retry-after-ms", "1")
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        assertThat(textOf(answer(setup.agent()))).isEqualTo(REPLY);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterOverTwoMinutes_isNotRetried() {
        server.enqueue(Fixtures.status(429, "error-429-rate-limit.json")
                .addHeader("Retry-After", "300")
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isFalse();
        assertThat(((Answer.Unavailable) answer).reason()).contains("300 s");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(setup.time.sleeps()).isEmpty();
    }

    @Test
    void persistentServerErrors_stopAfterThreeRetries_withGrowingBackoff() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(Fixtures.status(502, "error-500.json").build());
        }

        Answer answer = answer(setup.agent());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(setup.time.sleeps())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void noNewAttempt_pastTheRetryDeadline() {
        var settings = setup.settings().withTimeouts(null, null, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            server.enqueue(Fixtures.status(503, "error-503-overloaded.json")
                    .addHeader("Retry-After", "6")
                    .build());
        }

        Answer answer = answer(setup.agent(settings));

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(server.getRequestCount()).isEqualTo(2); // 0 s, then 6 s; 12 s would be past the deadline
        assertThat(setup.time.sleeps()).containsExactly(Duration.ofSeconds(6));
    }

    @Test
    void readTimeout_thenSuccess_isRetried() {
        var settings = setup.settings().withTimeouts(null, Duration.ofMillis(200), null);
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer(setup.agent(settings));

        assertThat(textOf(answer)).isEqualTo(REPLY);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void sameCriticalProblemTwice_alertsOnce_untilACallSucceeds() {
        var agent = setup.agent();
        server.enqueue(Fixtures.status(401, "error-401.json").build());
        server.enqueue(Fixtures.status(401, "error-401.json").build());
        server.enqueue(Fixtures.ok("response-text.json").build());
        server.enqueue(Fixtures.status(401, "error-401.json").build());

        answer(agent);
        answer(agent);
        assertThat(setup.alerts).hasSize(1);
        answer(agent);
        answer(agent);

        assertThat(setup.alerts).hasSize(2);
    }

    private static Answer answer(OpenAiReplyAgent agent) {
        return agent.answer(
                TestConversations.aboutOpeningHours(), ProfileSchema.standard(), NOW, new RecordingAgentTools());
    }

    private static String textOf(Answer answer) {
        assertThat(answer).isInstanceOf(Answer.Reply.class);
        return ((Answer.Reply) answer).text();
    }
}
