package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;
import sportello.ports.out.ReplyAgent.Answer;

/** Compatibility mode: a prompt stored in OpenAI's dashboard, which OpenAI is shutting down (reference §3). */
class OpenAiReplyAgentPromptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");
    private static final String PROMPT_NOT_FOUND = """
            {"error": {"message": "Prompt with id 'pmpt_abc' not found.", "type": "invalid_request_error",
              "param": "prompt", "code": null}}
            """;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Test
    void promptId_isSentWithVersionAndEveryVariable_besideOurInstructions() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent(setup.settings().withPrompt("pmpt_abc", "3"))
                .answer(conversation(), schema(), NOW, new RecordingAgentTools());

        JsonNode sent = body();
        assertThat(sent.get("prompt").get("id").asText()).isEqualTo("pmpt_abc");
        assertThat(sent.get("prompt").get("version").asText()).isEqualTo("3");
        JsonNode variables = sent.get("prompt").get("variables");
        assertThat(variables.get("business_name").asText()).isEqualTo("Ceramiche Bellini");
        assertThat(variables.get("customer_name").asText()).isEqualTo("Giulia Rossi");
        assertThat(variables.get("known_profile").asText()).isEqualTo("name: Giulia Rossi");
        assertThat(variables.get("missing_fields").asText()).isEqualTo("email, orderNumber");
        assertThat(variables.get("today").asText()).isEqualTo("Wednesday 25 November 2026, 17:05 (Europe/Rome)");
        assertThat(sent.get("instructions").asText()).contains("Ceramiche Bellini");
    }

    @Test
    void promptWithoutVersion_omitsVersion() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent(setup.settings().withPrompt("pmpt_abc", null))
                .answer(conversation(), schema(), NOW, new RecordingAgentTools());

        assertThat(body().get("prompt").has("version")).isFalse();
    }

    @Test
    void promptNotFound_fallsBackToOwnInstructions_nowAndForLaterCalls() throws Exception {
        var agent = setup.agent(setup.settings().withPrompt("pmpt_abc", null));
        server.enqueue(Fixtures.json(404, PROMPT_NOT_FOUND).build());
        server.enqueue(Fixtures.ok("response-text.json").build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer first = agent.answer(conversation(), schema(), NOW, new RecordingAgentTools());
        Answer second = agent.answer(conversation(), schema(), NOW, new RecordingAgentTools());

        assertThat(first).isInstanceOf(Answer.Reply.class);
        assertThat(second).isInstanceOf(Answer.Reply.class);
        assertThat(body().has("prompt")).isTrue();
        JsonNode fallback = body();
        assertThat(fallback.has("prompt")).isFalse();
        assertThat(fallback.get("instructions").asText()).contains("Ceramiche Bellini");
        assertThat(body().has("prompt")).isFalse();
        assertThat(setup.alerts).singleElement().asString().contains("pmpt_abc");
        assertThat(setup.time.sleeps()).isEmpty();
    }

    @Test
    void notFoundAgainWithoutPrompt_isTheModel_critical() {
        var agent = setup.agent(setup.settings().withPrompt("pmpt_abc", null));
        server.enqueue(Fixtures.json(404, PROMPT_NOT_FOUND).build());
        server.enqueue(Fixtures.json(404, PROMPT_NOT_FOUND).build());

        Answer answer = agent.answer(conversation(), schema(), NOW, new RecordingAgentTools());

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private JsonNode body() throws Exception {
        return JSON.readTree(server.takeRequest().getBody().utf8());
    }

    private static Conversation conversation() {
        return TestConversations.aboutOpeningHours();
    }

    private static ProfileSchema schema() {
        return ProfileSchema.standard();
    }
}
