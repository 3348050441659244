package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.ReplyAgent.Answer;

/**
 * The function-calling loop (reference §7) against the fixtures response-function-call.json →
 * request-function-output.json → response-after-function.json and response-two-function-calls.json.
 */
class OpenAiReplyAgentToolLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");
    private static final String AFTER_FUNCTION = "Grazie, Niccolò! Ho registrato i suoi dati e il numero d'ordine"
            + " CB-20417. Le scriveremo qui appena il corriere conferma la consegna.";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);
    private final ProfileSchema schema = ProfileSchema.standard();
    private final CheckingAgentTools tools = new CheckingAgentTools(schema);

    @Test
    void functionCall_storesTheProfileThroughAgentTools_andTheModelsTextIsTheReply() {
        server.enqueue(Fixtures.ok("response-function-call.json").build());
        server.enqueue(Fixtures.ok("response-after-function.json").build());

        Answer answer = answer();

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answer.Reply.class, reply -> assertThat(reply.text()).isEqualTo(AFTER_FUNCTION));
        assertThat(tools.saves())
                .containsExactly(Map.of(
                        "name", "Niccolò Ferrà", "email", "niccolo.ferra@example.it", "orderNumber", "CB-20417"));
        assertThat(tools.profile().value(ProfileSchema.ORDER_NUMBER).map(ProfileValue::value))
                .contains("CB-20417");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void followUp_hasTheFixturesShape_callReplayedAsReturned_thenItsOutput() throws Exception {
        server.enqueue(Fixtures.ok("response-function-call.json").build());
        server.enqueue(Fixtures.ok("response-after-function.json").build());

        answer();

        JsonNode first = body();
        JsonNode followUp = body();
        JsonNode fixture = JSON.readTree(Fixtures.read("request-function-output.json"));
        JsonNode fixtureInput = fixture.get("input");
        assertThat(fieldNames(followUp)).containsExactlyInAnyOrderElementsOf(fieldNames(fixture));
        assertThat(followUp.get("tools")).isEqualTo(fixture.get("tools"));
        assertThat(followUp.get("tool_choice")).isEqualTo(fixture.get("tool_choice"));
        assertThat(followUp.get("instructions")).isEqualTo(first.get("instructions"));
        JsonNode input = followUp.get("input");
        int history = first.get("input").size();
        assertThat(input).hasSize(history + 2);
        for (int i = 0; i < history; i++) {
            assertThat(input.get(i))
                    .as("history item %d unchanged", i)
                    .isEqualTo(first.get("input").get(i));
        }
        assertThat(input.get(history)).isEqualTo(fixtureInput.get(fixtureInput.size() - 2));
        JsonNode output = input.get(history + 1);
        JsonNode fixtureOutput = fixtureInput.get(fixtureInput.size() - 1);
        assertThat(fieldNames(output)).containsExactlyInAnyOrderElementsOf(fieldNames(fixtureOutput));
        assertThat(output.get("type")).isEqualTo(fixtureOutput.get("type"));
        assertThat(output.get("call_id")).isEqualTo(fixtureOutput.get("call_id"));
        assertThat(output.get("output").asText())
                .isEqualTo("{\"ok\":true,\"result\":\"saved: name, email, orderNumber\"}");
    }

    @Test
    void invalidEmail_isRejectedByTheDomain_andTheRejectionIsFedBackToTheModel() throws Exception {
        server.enqueue(Responses.ok(Responses.completed(Responses.functionCall(
                "call_1",
                "save_customer_profile",
                "{\"name\":null,\"email\":\"niccolo.ferra@example\",\"phone\":null,\"order_number\":null}"))));
        server.enqueue(Responses.ok(Responses.completed(Responses.message("Mi ricontrolla l'indirizzo e-mail?"))));

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Reply.class);
        assertThat(tools.profile().value(ProfileSchema.EMAIL)).isEmpty();
        body();
        JsonNode result = JSON.readTree(lastInputItem(body()).get("output").asText());
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("result").asText())
                .contains("rejected")
                .contains("'niccolo.ferra@example' is not a valid e-mail address");
    }

    @Test
    void twoCallsInOneResponse_bothRun_andEachGetsOneOutput() throws Exception {
        server.enqueue(Fixtures.ok("response-two-function-calls.json").build());
        server.enqueue(Responses.ok(Responses.completed(
                Responses.message("Mi dispiace per il vaso. Una persona del nostro staff la contatterà qui."))));

        answer();

        assertThat(tools.saves()).containsExactly(Map.of("name", "Marta Gallo", "orderNumber", "CB-20533"));
        assertThat(tools.handoffs())
                .containsExactly(
                        "Il vaso dell'ordine CB-20533 è arrivato rotto; la cliente chiede di parlare con una persona.");
        JsonNode first = body();
        JsonNode input = body().get("input");
        int history = first.get("input").size();
        JsonNode returned =
                JSON.readTree(Fixtures.read("response-two-function-calls.json")).get("output");
        assertThat(input).hasSize(history + 4);
        assertThat(input.get(history)).isEqualTo(returned.get(0));
        assertThat(input.get(history + 1)).isEqualTo(returned.get(1));
        assertThat(List.of(input.get(history + 2), input.get(history + 3)))
                .extracting(
                        item -> item.get("type").asText(),
                        item -> item.get("call_id").asText())
                .containsExactly(
                        tuple("function_call_output", "call_M3qV8sJd2KfP0xRw6tYbN5hG"),
                        tuple("function_call_output", "call_T7wZ1cLp9HnB4gXe3uQkV6sD"));
    }

    @Test
    void handoffCall_callsRequestHandoff_andTellsTheModelToSayAPersonFollowsUp() throws Exception {
        server.enqueue(Responses.ok(Responses.completed(Responses.functionCall(
                "call_h", "request_human_handoff", "{\"reason\":\"Chiede di parlare con una persona\"}"))));
        server.enqueue(Responses.ok(
                Responses.completed(Responses.message("Ho passato la conversazione a una persona del nostro staff."))));

        Answer answer = answer();

        assertThat(tools.handoffs()).containsExactly("Chiede di parlare con una persona");
        assertThat(answer).isInstanceOf(Answer.Reply.class);
        body();
        JsonNode result = JSON.readTree(lastInputItem(body()).get("output").asText());
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("result").asText()).isEqualTo(CheckingAgentTools.HANDED_OVER);
    }

    @Test
    void roundLimitReached_lastRequestHasToolChoiceNone_andCarriesEveryRound() throws Exception {
        var agent = setup.agent(setup.settings().withToolRounds(2));
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_1", "save_customer_profile", profileArguments("Niccolò Ferrà")))));
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_2", "save_customer_profile", profileArguments("Niccolò Ferrà")))));
        server.enqueue(Responses.ok(Responses.completed(Responses.message("Fatto!"))));

        Answer answer = agent.answer(conversation(), schema, NOW, tools);

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answer.Reply.class, reply -> assertThat(reply.text()).isEqualTo("Fatto!"));
        List<JsonNode> requests = List.of(body(), body(), body());
        assertThat(requests)
                .extracting(request -> request.get("tool_choice").asText())
                .containsExactly("auto", "auto", "none");
        assertThat(requests.get(2).get("tools")).isEqualTo(requests.get(0).get("tools"));
        int history = requests.get(0).get("input").size();
        assertThat(requests.get(2).get("input")).hasSize(history + 4);
        assertThat(tools.saves()).hasSize(2);
    }

    @Test
    void modelStillCallingAfterTheLastRound_isUnavailable_withTheUsageOfEveryCall() {
        var agent = setup.agent(setup.settings().withToolRounds(1));
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_1", "save_customer_profile", profileArguments("Niccolò Ferrà")))));
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_2", "save_customer_profile", profileArguments("Niccolò Ferrà")))));

        Answer answer = agent.answer(conversation(), schema, NOW, tools);

        assertThat(answer).isInstanceOfSatisfying(Answer.Unavailable.class, unavailable -> {
            assertThat(unavailable.critical()).isFalse();
            assertThat(unavailable.usage()).hasSize(2);
        });
        assertThat(tools.saves()).hasSize(1);
    }

    @Test
    void sameCallIdAgain_isNotRunTwice_butIsAnsweredAgain() throws Exception {
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_1", "request_human_handoff", "{\"reason\":\"persona\"}"),
                Responses.functionCall("call_1", "request_human_handoff", "{\"reason\":\"persona\"}"))));
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_1", "request_human_handoff", "{\"reason\":\"persona\"}"))));
        server.enqueue(Responses.ok(Responses.completed(Responses.message("Una persona la ricontatterà qui."))));

        answer();

        assertThat(tools.handoffs()).hasSize(1);
        int history = body().get("input").size();
        JsonNode second = body().get("input");
        assertThat(second).hasSize(history + 2); // the repeated item is sent back once, with one output
        JsonNode third = body().get("input");
        assertThat(third).hasSize(history + 4);
        assertThat(third.get(history + 3).get("output"))
                .isEqualTo(second.get(history + 1).get("output"));
    }

    @Test
    void reasoningModel_replaysReasoningFirstAndUnchanged_andAsksForItsEncryptedContent() throws Exception {
        var agent = setup.agent(setup.settings().withModel("gpt-5-mini"));
        ObjectNode reasoning = JSON.createObjectNode();
        reasoning.put("id", "rs_1");
        reasoning.put("type", "reasoning");
        reasoning.put("encrypted_content", "gAAAA-opaque");
        reasoning.putArray("summary");
        ObjectNode unknown = JSON.createObjectNode();
        unknown.put("type", "web_search_call");
        unknown.put("id", "ws_1");
        var call = Responses.functionCall("call_1", "request_human_handoff", "{\"reason\":\"persona\"}");
        server.enqueue(Responses.ok(Responses.completed(call, unknown, reasoning)));
        server.enqueue(Responses.ok(Responses.completed(Responses.message("Una persona la ricontatterà qui."))));

        agent.answer(conversation(), schema, NOW, tools);

        JsonNode first = body();
        assertThat(first.get("include")).containsExactly(JSON.getNodeFactory().textNode("reasoning.encrypted_content"));
        int history = first.get("input").size();
        JsonNode input = body().get("input");
        assertThat(input).hasSize(history + 3);
        assertThat(input.get(history)).isEqualTo(reasoning);
        assertThat(input.get(history + 1)).isEqualTo(call);
        assertThat(input.get(history + 2).get("type").asText()).isEqualTo("function_call_output");
    }

    @Test
    void malformedArgumentsOrUnknownTool_areReportedToTheModel_notRun() throws Exception {
        server.enqueue(Responses.ok(Responses.completed(
                Responses.functionCall("call_1", "save_customer_profile", "{not json"),
                Responses.functionCall("call_2", "delete_everything", "{}"))));
        server.enqueue(Responses.ok(Responses.completed(Responses.message("Mi scusi, può ripetere?"))));

        answer();

        assertThat(tools.saves()).isEmpty();
        body();
        JsonNode input = body().get("input");
        JsonNode malformed =
                JSON.readTree(input.get(input.size() - 2).get("output").asText());
        JsonNode unknown =
                JSON.readTree(input.get(input.size() - 1).get("output").asText());
        assertThat(malformed.get("ok").asBoolean()).isFalse();
        assertThat(unknown.get("ok").asBoolean()).isFalse();
        assertThat(unknown.get("result").asText()).contains("delete_everything");
    }

    private Answer answer() {
        return setup.agent().answer(conversation(), schema, NOW, tools);
    }

    private static Conversation conversation() {
        return TestConversations.ofCustomerLines("Perfetto. Intanto le lascio i miei dati: sono Niccolò Ferrà,"
                + " niccolo.ferra@example.it, l'ordine è il CB-20417.");
    }

    private static String profileArguments(String name) {
        return "{\"name\":\"" + name + "\",\"email\":null,\"phone\":null,\"order_number\":null}";
    }

    private JsonNode body() throws Exception {
        return JSON.readTree(server.takeRequest().getBody().utf8());
    }

    private static JsonNode lastInputItem(JsonNode request) {
        JsonNode input = request.get("input");
        return input.get(input.size() - 1);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
