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
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.FieldType;
import sportello.domain.profile.ProfileSchema;

/** The tool definitions: strict schemas (reference §5.1), custom fields, the optional document search. */
class OpenAiReplyAgentToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");
    private static final String VECTOR_STORE = "vs_68e4c1a9f20b8191a3d5e7f9b2c4d6e8";
    private static final Set<String> REJECTED_BY_THE_API =
            Set.of("messages", "max_tokens", "user", "stream", "previous_response_id");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);
    private final ProfileSchema schema = ProfileSchema.standard()
            .with(new FieldDefinition("indirizzo_consegna", "Indirizzo di consegna", FieldType.TEXT, null, true))
            .with(FieldDefinition.of("taglia", FieldType.TEXT, false));

    @Test
    void everyRequestOfALoop_carriesNoRejectedField_andToolsFollowTheStrictRules() throws Exception {
        var agent = setup.agent(setup.settings().withVectorStore(VECTOR_STORE).withToolRounds(1));
        server.enqueue(Fixtures.ok("response-function-call.json").build());
        server.enqueue(Fixtures.ok("response-after-function.json").build());

        agent.answer(TestConversations.aboutOpeningHours(), schema, NOW, new CheckingAgentTools(schema));

        for (JsonNode request : List.of(body(), body())) {
            assertThat(fieldNames(request)).doesNotContainAnyElementsOf(REJECTED_BY_THE_API);
            for (JsonNode tool : request.get("tools")) {
                if (tool.get("type").asText().equals("function")) {
                    assertThat(tool.get("name").asText()).matches("[A-Za-z0-9_-]{1,64}");
                    assertThat(tool.get("strict").asBoolean()).isTrue();
                    assertStrict(tool.get("parameters"));
                }
            }
        }
    }

    @Test
    void customFields_followTheBuiltInFour_inSchemaOrder_asNullableStrings() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent().answer(TestConversations.aboutOpeningHours(), schema, NOW, new CheckingAgentTools(schema));

        JsonNode parameters = body().get("tools").get(0).get("parameters");
        assertThat(fieldNames(parameters.get("properties")))
                .containsExactly("name", "email", "phone", "order_number", "indirizzo_consegna", "taglia");
        JsonNode address = parameters.get("properties").get("indirizzo_consegna");
        assertThat(address.get("type")).isEqualTo(JSON.readTree("[\"string\", \"null\"]"));
        assertThat(address.get("description").asText()).startsWith("Indirizzo di consegna");
    }

    @Test
    void sameSchema_givesTheSameToolsByteForByte() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());
        server.enqueue(Fixtures.ok("response-text.json").build());
        var agent = setup.agent();

        agent.answer(TestConversations.aboutOpeningHours(), schema, NOW, new CheckingAgentTools(schema));
        agent.answer(TestConversations.aboutOpeningHours(), schema, NOW, new CheckingAgentTools(schema));

        String first = server.takeRequest().getBody().utf8();
        String second = server.takeRequest().getBody().utf8();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void customFieldValues_arePassedToAgentToolsByTheirSchemaName() {
        var tools = new CheckingAgentTools(schema);
        server.enqueue(Responses.ok(Responses.completed(Responses.functionCall(
                "call_1",
                "save_customer_profile",
                "{\"name\":null,\"email\":null,\"phone\":null,\"order_number\":\"CB-20417\","
                        + "\"indirizzo_consegna\":\"Via Roma 1, Faenza\",\"taglia\":null}"))));
        server.enqueue(Responses.ok(Responses.completed(Responses.message("Grazie!"))));

        setup.agent().answer(TestConversations.aboutOpeningHours(), schema, NOW, tools);

        assertThat(tools.saves())
                .containsExactly(Map.of("orderNumber", "CB-20417", "indirizzo_consegna", "Via Roma 1, Faenza"));
    }

    @Test
    void vectorStore_addsFileSearchLast_asTheFixtureEchoesIt() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent(setup.settings().withVectorStore(VECTOR_STORE))
                .answer(TestConversations.aboutOpeningHours(), ProfileSchema.standard(), NOW, tools());

        JsonNode tools = body().get("tools");
        JsonNode echoed =
                JSON.readTree(Fixtures.read("response-file-search.json")).get("tools");
        assertThat(tools).hasSize(3);
        assertThat(tools.get(0)).isEqualTo(echoed.get(0));
        assertThat(tools.get(1)).isEqualTo(echoed.get(1));
        assertThat(tools.get(2))
                .isEqualTo(JSON.readTree("{\"type\": \"file_search\", \"vector_store_ids\": [\"" + VECTOR_STORE
                        + "\"], \"max_num_results\": 4}"));
    }

    @Test
    void withoutVectorStore_thereIsNoFileSearch() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent().answer(TestConversations.aboutOpeningHours(), ProfileSchema.standard(), NOW, tools());

        assertThat(body().get("tools"))
                .extracting(tool -> tool.get("name").asText())
                .containsExactly("save_customer_profile", "request_human_handoff");
    }

    /** Every object: additionalProperties false and every property required, recursively. */
    private static void assertStrict(JsonNode schema) {
        if (schema.path("type").asText().equals("object")) {
            assertThat(schema.get("additionalProperties").isBoolean()).isTrue();
            assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
            List<String> required = new ArrayList<>();
            schema.get("required").forEach(name -> required.add(name.asText()));
            assertThat(required).containsExactlyElementsOf(fieldNames(schema.get("properties")));
            schema.get("properties").forEach(OpenAiReplyAgentToolsTest::assertStrict);
        }
    }

    private CheckingAgentTools tools() {
        return new CheckingAgentTools(ProfileSchema.standard());
    }

    private JsonNode body() throws Exception {
        return JSON.readTree(server.takeRequest().getBody().utf8());
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
