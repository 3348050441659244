package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;
import sportello.ports.out.ReplyAgent.Answer;

/** How a 200 response becomes a reply, or is judged unfit to send. */
class OpenAiReplyAgentResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Test
    void completedResponse_isTheReplyText() {
        server.enqueue(Fixtures.ok("response-text.json").build());

        String text = replyText();

        assertThat(text)
                .isEqualTo("Sabato chiudiamo alle 19:00 (apriamo alle 9:30, orario continuato)."
                        + " Sarà un piacere mostrarle i vasi in negozio!");
    }

    @Test
    void unknownOutputItemType_isSkipped() {
        server.enqueue(Fixtures.json(200, """
                        {"status": "completed", "output": [
                          {"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"query": "x"}},
                          {"type": "message", "role": "assistant", "content": [
                            {"type": "output_text", "text": "Ciao! ", "annotations": []},
                            {"type": "some_future_part", "data": 1},
                            {"type": "output_text", "text": "Come posso aiutarla?", "annotations": []}]}]}
                        """).build());

        assertThat(replyText()).isEqualTo("Ciao! Come posso aiutarla?");
    }

    @Test
    void fileSearchResponse_isTheMessageText() {
        server.enqueue(Fixtures.ok("response-file-search.json").build());

        assertThat(replyText())
                .isEqualTo("La spedizione in Sicilia costa 9,90 € ed è gratuita per ordini sopra i"
                        + " 120 €. Di solito la consegna richiede 3–5 giorni lavorativi.");
    }

    @Test
    void citationMarkers_areStripped() {
        server.enqueue(Fixtures.json(200, """
                        {"status": "completed", "output": [{"type": "message", "role": "assistant", "content": [
                          {"type": "output_text", "text": "Spedizione gratuita sopra i 120 € 【4:0†spedizioni-2026.pdf】.\\n"}]}]}
                        """).build());

        assertThat(replyText()).isEqualTo("Spedizione gratuita sopra i 120 €.");
    }

    @Test
    void markdownReply_isSentWithWhatsAppFormatting() {
        server.enqueue(Responses.ok(Responses.completed(Responses.message(
                "## Orari\n\nSiamo aperti **sabato** fino alle 19:00: [mappa](https://example.it/mappa)"))));

        assertThat(replyText())
                .isEqualTo("*Orari*\n\nSiamo aperti *sabato* fino alle 19:00: mappa (https://example.it/mappa)");
    }

    @Test
    void replyPastWhatsAppsLimit_isCutOnASentence() {
        String sentence = "Il vaso arriva in due giorni lavorativi. ";
        server.enqueue(Responses.ok(Responses.completed(Responses.message(sentence.repeat(150)))));

        String text = replyText();

        assertThat(text).hasSizeLessThan(WhatsAppFormatting.MAX_LENGTH).endsWith("lavorativi.");
    }

    @Test
    void replyOfOnlyAnEmptyCodeFence_isUnavailable() {
        server.enqueue(Responses.ok(Responses.completed(Responses.message("```\n```"))));

        assertThat(answer()).isInstanceOf(Answer.Unavailable.class);
    }

    @Test
    void incompleteAtMaxOutputTokens_isUnavailable_neverATruncatedReply() {
        server.enqueue(Fixtures.ok("response-incomplete-max-tokens.json").build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        var unavailable = (Answer.Unavailable) answer;
        assertThat(unavailable.critical()).isFalse();
        assertThat(unavailable.reason()).contains("max_output_tokens");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusal_isUnavailable_notCritical() {
        server.enqueue(Fixtures.json(200, """
                        {"status": "completed", "output": [{"type": "message", "role": "assistant", "content": [
                          {"type": "refusal", "refusal": "I can't help with that."}]}]}
                        """).build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isFalse();
        assertThat(((Answer.Unavailable) answer).reason()).contains("refused");
    }

    @Test
    void unreadableBody_isUnavailable_notCritical() {
        server.enqueue(Fixtures.json(200, "<html>gateway</html>").build());

        Answer answer = answer();

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).critical()).isFalse();
    }

    private Answer answer() {
        return setup.agent()
                .answer(
                        TestConversations.aboutOpeningHours(),
                        ProfileSchema.standard(),
                        NOW,
                        new RecordingAgentTools());
    }

    private String replyText() {
        Answer answer = answer();
        assertThat(answer).isInstanceOf(Answer.Reply.class);
        return ((Answer.Reply) answer).text();
    }
}
