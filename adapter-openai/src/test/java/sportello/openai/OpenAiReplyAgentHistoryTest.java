package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;

/** The windowed history (reference §8): the newest messages within a token budget, older ones summarised. */
class OpenAiReplyAgentHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T18:05:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Test
    void sixtyTurns_stayWithinTheBudget_keepTheNewestInOrder_afterOneSummary() throws Exception {
        Conversation conversation = LongConversations.of(60, 700);
        List<String> texts = LongConversations.texts(conversation);

        JsonNode input = send(conversation, setup.settings()).get("input");

        assertThat(estimate(input)).isLessThanOrEqualTo(OpenAiSettings.DEFAULT_HISTORY_TOKEN_BUDGET);
        assertThat(input.get(0).get("role").asText()).isEqualTo("developer");
        assertThat(input.get(0).get("content").asText()).startsWith(History.SUMMARY_HEADING);
        List<String> kept = contents(input).subList(1, input.size());
        assertThat(kept).isNotEmpty().isEqualTo(texts.subList(texts.size() - kept.size(), texts.size()));
        assertThat(input.get(input.size() - 1).get("role").asText()).isEqualTo("user");
        assertThat(input.get(0).get("content").asText()).contains("Earlier messages not shown: " + (120 - kept.size()));
    }

    @Test
    void sixtyTurns_requestHasTheFixturesShape_apartFromTheHistory() throws Exception {
        JsonNode sent = send(LongConversations.of(60, 700), setup.settings());

        JsonNode fixture = JSON.readTree(Fixtures.read("request-text-turn.json"));
        assertThat(fieldNames(sent)).containsExactlyInAnyOrderElementsOf(fieldNames(fixture));
        for (String key : fieldNames(fixture)) {
            assertThat(sent.get(key).getNodeType())
                    .as(key)
                    .isEqualTo(fixture.get(key).getNodeType());
        }
        assertThat(sent.get("tools")).isEqualTo(fixture.get("tools"));
        assertThat(sent.get("metadata")).isEqualTo(fixture.get("metadata"));
        for (JsonNode item : sent.get("input")) {
            assertThat(fieldNames(item)).containsExactlyInAnyOrder("role", "content");
            assertThat(item.get("content").isTextual()).isTrue();
            assertThat(item.get("role").asText()).isIn("developer", "user", "assistant");
        }
    }

    @Test
    void shortMessages_areBoundByTheMessageCount_notTheBudget() throws Exception {
        Conversation conversation = LongConversations.of(60, 0);

        JsonNode input = send(conversation, setup.settings()).get("input");

        assertThat(input.size() - 1)
                .isLessThanOrEqualTo(OpenAiSettings.DEFAULT_HISTORY_MESSAGES)
                .isGreaterThanOrEqualTo(OpenAiSettings.DEFAULT_HISTORY_MESSAGES / 2);
        assertThat(estimate(input)).isLessThan(OpenAiSettings.DEFAULT_HISTORY_TOKEN_BUDGET);
    }

    @Test
    void smallerBudget_keepsFewerMessages_andStillFits() throws Exception {
        var settings = setup.settings().withHistoryTokenBudget(1200);

        JsonNode input = send(LongConversations.of(60, 700), settings).get("input");

        assertThat(estimate(input)).isLessThanOrEqualTo(1200);
        assertThat(input.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void conversationThatFits_isSentWhole_withoutSummary() throws Exception {
        JsonNode input =
                send(TestConversations.aboutOpeningHours(), setup.settings()).get("input");

        assertThat(input.findValuesAsText("role")).doesNotContain("developer");
        assertThat(setup.agent().historyWindow(TestConversations.aboutOpeningHours()))
                .isEqualTo(new HistoryWindow(5, 0, 0, estimate(input), 3000));
    }

    @Test
    void newestCustomerMessage_overTheBudgetAlone_isKept_shortenedWithAMarker() throws Exception {
        String pasted = "Buongiorno, vi incollo la mail del corriere. " + "Testo della mail. ".repeat(1500)
                + "Quindi: quando arriva il mio ordine CB-20417?";
        Conversation conversation = TestConversations.ofCustomerLines("Buongiorno", pasted);

        JsonNode input = send(conversation, setup.settings()).get("input");

        assertThat(estimate(input)).isLessThanOrEqualTo(OpenAiSettings.DEFAULT_HISTORY_TOKEN_BUDGET);
        String last = input.get(input.size() - 1).get("content").asText();
        assertThat(last)
                .startsWith("Buongiorno, vi incollo la mail del corriere.")
                .endsWith("quando arriva il mio ordine CB-20417?")
                .contains("characters left out by Sportello");
        assertThat(setup.agent().historyWindow(conversation).messagesShortened())
                .isEqualTo(1);
    }

    @Test
    void summary_saysWhenItStarted_howManyCameBefore_staffReplies_andTheLastEarlierQuestions() throws Exception {
        Conversation conversation = LongConversations.of(60, 700);

        String summary = send(conversation, setup.settings())
                .get("input")
                .get(0)
                .get("content")
                .asText();

        assertThat(summary)
                .contains("Conversation started: Wednesday 25 November 2026, 16:00 (Europe/Rome)")
                .containsPattern("Earlier messages not shown: \\d+ \\(customer \\d+, bot \\d+, staff \\d+\\)")
                .containsPattern("Staff wrote \\d+ of them, the last on Wednesday 25 November 2026")
                .containsPattern("questions: \"Domanda \\d+: il vaso Mare numero \\d+ è disponibile\\?[^\"]*\"");
        assertThat(TokenEstimate.message(summary)).isLessThanOrEqualTo(History.SUMMARY_TOKENS);
    }

    @Test
    void summary_ofEmojiQuestions_staysWithinItsRoom() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(TestConversations.inbound(i * 10, MessageKind.TEXT, "花瓶👍\"?".repeat(60)));
        }
        Conversation conversation = TestConversations.withProfile(messages, Map.of());

        History.Window window = History.of(conversation, 20, 3000, OpenAiSettings.DEFAULT_TIME_ZONE);

        String summary = window.input().getFirst().text();
        assertThat(summary).startsWith(History.SUMMARY_HEADING);
        assertThat(TokenEstimate.message(summary)).isLessThanOrEqualTo(History.SUMMARY_TOKENS);
        assertThat(window.shape().estimatedTokens()).isLessThanOrEqualTo(3000);
    }

    @Test
    void nextTurns_resendTheSamePrefix_untilTheWindowStepsOn() {
        // 99 to 103 messages, each time a new customer message: the window starts at message 84 throughout
        List<History.Window> windows = new ArrayList<>();
        for (int count = 99; count <= 103; count += 2) {
            windows.add(History.of(LongConversations.firstMessages(count), 20, 3000, OpenAiSettings.DEFAULT_TIME_ZONE));
        }

        for (int i = 1; i < windows.size(); i++) {
            List<?> before = windows.get(i - 1).input();
            assertThat(windows.get(i).input().subList(0, before.size())).isEqualTo(before);
        }
        assertThat(windows)
                .allSatisfy(window ->
                        assertThat(window.shape().messagesSummarised()).isEqualTo(84));
    }

    private JsonNode send(Conversation conversation, OpenAiSettings settings) throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());
        setup.agent(settings).answer(conversation, ProfileSchema.standard(), NOW, new RecordingAgentTools());
        return body(server.takeRequest());
    }

    /** The estimate of the input items exactly as serialised. */
    private static int estimate(JsonNode input) {
        int tokens = 0;
        for (JsonNode item : input) {
            tokens += TokenEstimate.message(item.get("content").asText());
        }
        return tokens;
    }

    private static List<String> contents(JsonNode input) {
        var contents = new ArrayList<String>();
        input.forEach(item -> contents.add(item.get("content").asText()));
        return contents;
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
