package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.MessageKind;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;
import sportello.ports.out.ReplyAgent;

/** What goes over the wire for one turn, checked against the reference fixture request-text-turn.json. */
class OpenAiReplyAgentRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Test
    void textTurn_hasTheFixturesTopLevelKeysAndShapes() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());

        JsonNode sent = body(server.takeRequest());
        JsonNode fixture = JSON.readTree(Fixtures.read("request-text-turn.json"));
        assertThat(fieldNames(sent)).containsExactlyInAnyOrderElementsOf(fieldNames(fixture));
        for (String key : fieldNames(fixture)) {
            assertThat(sent.get(key).getNodeType())
                    .as(key)
                    .isEqualTo(fixture.get(key).getNodeType());
        }
        assertThat(fieldNames(sent.get("metadata"))).isEqualTo(fieldNames(fixture.get("metadata")));
        for (JsonNode item : sent.get("input")) {
            assertThat(fieldNames(item)).containsExactlyInAnyOrder("role", "content");
            assertThat(item.get("content").isTextual()).isTrue();
        }
    }

    @Test
    void standardSchema_toolsAreExactlyTheFixturesTools_withAutoChoiceAndParallelCalls() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());

        JsonNode sent = body(server.takeRequest());
        JsonNode fixture = JSON.readTree(Fixtures.read("request-text-turn.json"));
        assertThat(sent.get("tools")).isEqualTo(fixture.get("tools"));
        assertThat(sent.get("tool_choice")).isEqualTo(fixture.get("tool_choice"));
        assertThat(sent.get("parallel_tool_calls")).isEqualTo(fixture.get("parallel_tool_calls"));
    }

    @Test
    void textTurn_postsToResponsesWithBearerKey() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/responses");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + AgentSetup.API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void textTurn_sendsModelStoreFalseAndTheBusinessIdentifiers() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());

        JsonNode sent = body(server.takeRequest());
        JsonNode fixture = JSON.readTree(Fixtures.read("request-text-turn.json"));
        assertThat(sent.get("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(sent.get("store").asBoolean(true)).isFalse();
        assertThat(sent.get("max_output_tokens").asInt()).isEqualTo(600);
        assertThat(sent.get("metadata")).isEqualTo(fixture.get("metadata"));
        assertThat(sent.get("prompt_cache_key").asText()).isEqualTo("sportello:b42");
        // same business and WhatsApp id as the fixture, so the same anonymous hash
        assertThat(sent.get("safety_identifier")).isEqualTo(fixture.get("safety_identifier"));
        assertThat(sent.get("safety_identifier").asText())
                .matches("[0-9a-f]{64}")
                .doesNotContain(TestConversations.PHONE);
    }

    @Test
    void textTurn_instructionsAreRenderedWithCustomerNameAndMissingFields() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());

        String instructions = body(server.takeRequest()).get("instructions").asText();
        assertThat(instructions)
                .contains("front desk of Ceramiche Bellini")
                .contains("Customer name: Giulia Rossi")
                .contains("Known details: name: Giulia Rossi")
                .contains("Missing details: email, orderNumber")
                .contains("Wednesday 25 November 2026, 17:05 (Europe/Rome)")
                .doesNotContain("{{");
    }

    @Test
    void textTurn_inputIsTheHistoryWithRolesAndStaffPrefix_reactionsSkipped() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());

        JsonNode input = body(server.takeRequest()).get("input");
        assertThat(input).hasSize(5);
        assertThat(input.findValuesAsText("role")).containsExactly("user", "assistant", "user", "assistant", "user");
        assertThat(input.get(3).get("content").asText())
                .isEqualTo("[Staff] Ci scusiamo per il ritardo: il pacco riparte domani.");
        assertThat(input.get(4).get("content").asText()).isEqualTo("Va bene, grazie. Sabato a che ora chiudete?");
    }

    @Test
    void historyWindow_keepsOnlyTheLastMessages_afterASummaryOfTheOlderOnes() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());
        var settings = setup.settings().withLimits(600, 2);

        setup.agent(settings)
                .answer(
                        TestConversations.ofCustomerLines("uno", "due", "tre"),
                        schema(),
                        NOW,
                        new RecordingAgentTools());

        JsonNode input = body(server.takeRequest()).get("input");
        assertThat(input.findValuesAsText("role")).containsExactly("developer", "user", "user");
        assertThat(input.get(0).get("content").asText()).startsWith(History.SUMMARY_HEADING);
        assertThat(input.findValuesAsText("content")).endsWith("due", "tre");
    }

    @Test
    void nonReasoningModel_sendsTemperature_andNoReasoning() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent(setup.settings().withModel("gpt-4.1"))
                .answer(TestConversations.aboutOpeningHours(), schema(), NOW, new RecordingAgentTools());

        JsonNode sent = body(server.takeRequest());
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.has("reasoning")).isFalse();
        assertThat(sent.get("max_output_tokens").asInt()).isEqualTo(600);
    }

    @Test
    void reasoningModel_sendsReasoningEffort_noTemperature_andMoreTokens() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent(setup.settings().withModel("gpt-5-mini"))
                .answer(TestConversations.aboutOpeningHours(), schema(), NOW, new RecordingAgentTools());

        JsonNode sent = body(server.takeRequest());
        assertThat(sent.has("temperature")).isFalse();
        assertThat(sent.has("top_p")).isFalse();
        assertThat(sent.get("reasoning").get("effort").asText()).isEqualTo("low");
        assertThat(sent.get("max_output_tokens").asInt()).isEqualTo(2000);
    }

    @Test
    void request_neverCarriesChatCompletionsOrChainingFields() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent().answer(TestConversations.aboutOpeningHours(), schema(), NOW, new RecordingAgentTools());

        assertThat(fieldNames(body(server.takeRequest())))
                .doesNotContainAnyElementsOf(
                        Set.of("messages", "max_tokens", "user", "previous_response_id", "stream", "prompt", "top_p"));
    }

    @Test
    void conversationWithoutText_isUnavailable_withoutCallingOpenAi() {
        var onlyReaction = TestConversations.withProfile(
                List.of(TestConversations.inbound(0, MessageKind.REACTION, "👍")), Map.of());

        var answer = setup.agent().answer(onlyReaction, schema(), NOW, new RecordingAgentTools());

        assertThat(answer).isInstanceOf(ReplyAgent.Answer.Unavailable.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static ProfileSchema schema() {
        return ProfileSchema.standard();
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.getBody().utf8());
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
