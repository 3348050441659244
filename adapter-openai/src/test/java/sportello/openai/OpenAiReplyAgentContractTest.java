package sportello.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import sportello.ports.contract.ReplyAgentContract;
import sportello.ports.out.ReplyAgent;

/** The shared {@link ReplyAgentContract} against the real adapter, with OpenAI played by MockWebServer. */
class OpenAiReplyAgentContractTest extends ReplyAgentContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);

    @Override
    protected ReplyAgent agent() {
        return setup.agent();
    }

    @Override
    protected void arrangeReply(String text) {
        var response = Map.of(
                "status",
                "completed",
                "output",
                List.of(Map.of(
                        "type",
                        "message",
                        "role",
                        "assistant",
                        "content",
                        List.of(Map.of("type", "output_text", "text", text, "annotations", List.of())))));
        try {
            server.enqueue(Fixtures.json(200, JSON.writeValueAsString(response)).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overloaded on every attempt: the agent retries (in fake time), then gives up. */
    @Override
    protected void arrangeOutage() {
        for (int i = 0; i <= RetryPolicy.MAX_RETRIES; i++) {
            server.enqueue(Fixtures.status(503, "error-503-overloaded.json").build());
        }
    }
}
