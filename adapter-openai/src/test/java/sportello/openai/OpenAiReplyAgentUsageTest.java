package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ReplyAgent.Answer;
import sportello.ports.out.Usage;

/** Every model call of a turn is reported with its tokens and its cost (reference §11). */
class OpenAiReplyAgentUsageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Test
    void textReply_reportsTheFixturesTokens_andTheReferenceCost() {
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer();

        assertThat(((Answer.Reply) answer).usage())
                .containsExactly(new Usage(
                        "gpt-4.1-mini-2025-04-14", 1864, 1536, 38, new BigDecimal("0.000346"), setup.time.instant()));
    }

    @Test
    void toolRound_reportsOneUsagePerCall() {
        server.enqueue(Fixtures.ok("response-function-call.json").build());
        server.enqueue(Fixtures.ok("response-after-function.json").build());

        Answer answer = answer();

        // (159 × 0.40 + 1,792 × 0.10 + 45 × 1.60) / 1e6 and (99 × 0.40 + 1,920 × 0.10 + 42 × 1.60) / 1e6
        assertThat(((Answer.Reply) answer).usage())
                .extracting(Usage::inputTokens, Usage::cachedTokens, Usage::outputTokens, Usage::costUsd)
                .containsExactly(
                        tuple(1951L, 1792L, 45L, new BigDecimal("0.000315")),
                        tuple(2019L, 1920L, 42L, new BigDecimal("0.000299")));
    }

    @Test
    void fileSearchCall_addsItsOwnPrice() {
        server.enqueue(Fixtures.ok("response-file-search.json").build());

        Answer answer = answer();

        // (1,876 × 0.40 + 1,536 × 0.10 + 52 × 1.60) / 1e6 + 0.0025 = 0.0034872
        assertThat(((Answer.Reply) answer).usage())
                .singleElement()
                .extracting(Usage::costUsd)
                .isEqualTo(new BigDecimal("0.003487"));
    }

    @Test
    void incompleteResponse_isUnavailable_butItsTokensAreStillReported() {
        server.enqueue(Fixtures.ok("response-incomplete-max-tokens.json").build());

        Answer answer = answer();

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answer.Unavailable.class,
                        unavailable -> assertThat(unavailable.usage())
                                .singleElement()
                                .satisfies(usage -> {
                                    assertThat(usage.model()).startsWith("gpt-5-mini");
                                    assertThat(usage.outputTokens()).isPositive();
                                    assertThat(usage.costUsd()).isPositive();
                                }));
    }

    @Test
    void httpError_billsNothing_soReportsNoUsage() {
        server.enqueue(Fixtures.status(401, "error-401.json").build());

        Answer answer = answer();

        assertThat(((Answer.Unavailable) answer).usage()).isEmpty();
    }

    @Test
    void unknownModel_costsZero() {
        server.enqueue(Fixtures.json(200, """
                        {"status": "completed", "model": "my-finetune-2026", "output": [
                          {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Ciao"}]}],
                         "usage": {"input_tokens": 100, "output_tokens": 10}}
                        """).build());

        Answer answer = answer();

        assertThat(((Answer.Reply) answer).usage()).singleElement().satisfies(usage -> {
            assertThat(usage.model()).isEqualTo("my-finetune-2026");
            assertThat(usage.inputTokens()).isEqualTo(100);
            assertThat(usage.cachedTokens()).isZero();
            assertThat(usage.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        });
    }

    @Test
    void responseWithoutModelOrUsage_isMeteredAsTheModelAskedFor_withZeroTokens() {
        server.enqueue(Fixtures.json(200, """
                        {"status": "completed", "output": [
                          {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Ciao"}]}]}
                        """).build());

        Answer answer = answer();

        assertThat(((Answer.Reply) answer).usage()).singleElement().satisfies(usage -> {
            assertThat(usage.model()).isEqualTo("gpt-4.1-mini");
            assertThat(usage.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        });
    }

    private Answer answer() {
        return setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new CheckingAgentTools(ProfileSchema.standard()));
    }
}
