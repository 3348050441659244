package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ReplyAgent.Answer;
import sportello.ports.out.Usage;

/** Document search (reference §5.2): its answer reaches the customer clean, and its failures never cost a reply. */
class OpenAiReplyAgentFileSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");
    private static final String VECTOR_STORE = "vs_68e4c1a9f20b8191a3d5e7f9b2c4d6e8";
    private static final String SHIPPING = "La spedizione in Sicilia costa 9,90 € ed è gratuita per ordini sopra i"
            + " 120 €. Di solito la consegna richiede 3–5 giorni lavorativi.";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);
    private final ProfileSchema schema = ProfileSchema.standard();

    @Test
    void searchedAnswer_isSentWithoutCitationMarkers_andTheSearchIsPriced() throws Exception {
        ObjectNode response = fixture();
        textPart(response)
                .put(
                        "text",
                        "La spedizione in Sicilia costa 9,90 € 【4:0†spedizioni-2026.pdf】 ed è"
                                + " gratuita per ordini sopra i 120 €.【4:1†spedizioni-2026.pdf】 Di solito la consegna richiede"
                                + " 3–5 giorni lavorativi.");
        server.enqueue(Fixtures.json(200, response.toString()).build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Reply.class);
        assertThat(((Answer.Reply) answer).text()).isEqualTo(SHIPPING);
        // (1,876 × 0.40 + 1,536 × 0.10 + 52 × 1.60) / 1e6 + one search at 0.0025
        assertThat(((Answer.Reply) answer).usage())
                .singleElement()
                .extracting(Usage::costUsd)
                .isEqualTo(new BigDecimal("0.003487"));
        assertThat(toolTypes(body())).containsExactly("function", "function", "file_search");
    }

    @Test
    void failedSearch_isAskedAgainOnce_withoutFileSearch_andBothCallsAreMetered() throws Exception {
        ObjectNode failed = fixture();
        ObjectNode search = (ObjectNode) failed.get("output").get(0);
        search.put("status", "failed");
        search.putNull("results");
        textPart(failed).put("text", "Al momento non riesco a consultare i documenti.");
        server.enqueue(Fixtures.json(200, failed.toString()).build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Reply.class);
        assertThat(((Answer.Reply) answer).text()).startsWith("Sabato chiudiamo alle 19:00");
        assertThat(((Answer.Reply) answer).usage()).hasSize(2);
        JsonNode first = body();
        JsonNode retry = body();
        assertThat(toolTypes(first)).contains("file_search");
        assertThat(toolTypes(retry)).containsExactly("function", "function");
        assertThat(retry.get("input")).isEqualTo(first.get("input"));
        assertThat(setup.alerts).isEmpty();
    }

    @Test
    void vectorStoreTimeout_onTheResponse_isAskedAgainWithoutFileSearch() throws Exception {
        server.enqueue(Fixtures.json(200, """
                        {"id": "resp_1", "object": "response", "status": "failed", "model": "gpt-4.1-mini-2025-04-14",
                         "error": {"code": "vector_store_timeout", "message": "The vector store search timed out."},
                         "incomplete_details": null, "output": [],
                         "usage": {"input_tokens": 1200, "input_tokens_details": {"cached_tokens": 0},
                                   "output_tokens": 0, "total_tokens": 1200}}
                        """).build());
        server.enqueue(Fixtures.ok("response-text.json").build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Reply.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        body();
        assertThat(toolTypes(body())).doesNotContain("file_search");
        assertThat(setup.time.sleeps()).isEmpty();
    }

    @Test
    void searchFailingInALaterRound_keepsTheCallsAndResults_butDropsTheSearchItems() throws Exception {
        ObjectNode called = (ObjectNode) JSON.readTree(Fixtures.read("response-function-call.json"));
        ObjectNode completedSearch = searchItem("completed");
        ((com.fasterxml.jackson.databind.node.ArrayNode) called.get("output")).insert(0, completedSearch);
        server.enqueue(Fixtures.json(200, called.toString()).build());
        server.enqueue(Responses.ok(Responses.completed(searchItem("failed"), Responses.message("Non trovo nulla."))));
        server.enqueue(Fixtures.ok("response-after-function.json").build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Reply.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
        body();
        JsonNode second = body();
        JsonNode third = body();
        assertThat(types(second.get("input"))).contains("file_search_call", "function_call", "function_call_output");
        assertThat(types(third.get("input")))
                .doesNotContain("file_search_call")
                .contains("function_call", "function_call_output");
        assertThat(toolTypes(third)).doesNotContain("file_search");
    }

    @Test
    void withFileSearch_theReadTimeoutIsAtLeastTwoMinutes() {
        assertThat(setup.agent(setup.settings().withVectorStore(VECTOR_STORE)).readTimeoutMillis())
                .isEqualTo(120_000);
        assertThat(setup.agent(setup.settings().withModel("gpt-5-mini")).readTimeoutMillis())
                .isEqualTo(120_000);
        assertThat(setup.agent().readTimeoutMillis()).isEqualTo(60_000);
    }

    private Answer answer() {
        return setup.agent(setup.settings().withVectorStore(VECTOR_STORE))
                .answer(TestConversations.aboutOpeningHours(), schema, NOW, new CheckingAgentTools(schema));
    }

    private static ObjectNode fixture() throws Exception {
        return (ObjectNode) JSON.readTree(Fixtures.read("response-file-search.json"));
    }

    private static ObjectNode textPart(ObjectNode response) {
        return (ObjectNode) response.get("output").get(1).get("content").get(0);
    }

    private static ObjectNode searchItem(String status) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", "fs_" + status);
        item.put("type", "file_search_call");
        item.put("status", status);
        item.putArray("queries").add("orari negozio sabato");
        item.putNull("results");
        return item;
    }

    private JsonNode body() throws Exception {
        return JSON.readTree(server.takeRequest().getBody().utf8());
    }

    private static List<String> toolTypes(JsonNode request) {
        return types(request.get("tools"));
    }

    private static List<String> types(JsonNode items) {
        var types = new ArrayList<String>();
        items.forEach(item -> types.add(item.path("type").asText("message")));
        return types;
    }
}
