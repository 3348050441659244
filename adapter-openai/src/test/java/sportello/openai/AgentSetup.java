package sportello.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import sportello.ports.out.MediaStore;

/** An agent pointed at a MockWebServer, with fake time and a recorded alert hook. */
final class AgentSetup {

    static final String API_KEY = "sk-test-0123456789";

    final FakeTime time = new FakeTime();
    final List<String> alerts = new ArrayList<>();
    private final MockWebServer server;

    AgentSetup(MockWebServer server) {
        this.server = server;
    }

    OpenAiSettings settings() {
        return OpenAiSettings.of(API_KEY, "b42", "Ceramiche Bellini")
                .withBaseUrl(server.url("/v1").toString())
                .withModel("gpt-4.1-mini");
    }

    OpenAiReplyAgent agent() {
        return agent(settings());
    }

    OpenAiReplyAgent agent(OpenAiSettings settings) {
        return agent(settings, null);
    }

    /** An agent that shows the model the photos kept in {@code media}. */
    OpenAiReplyAgent agent(OpenAiSettings settings, MediaStore media) {
        return new OpenAiReplyAgent(
                settings,
                new OkHttpClient(),
                new ObjectMapper(),
                InstructionTemplate.defaultTemplate(),
                ModelPrices.defaults(),
                alerts::add,
                media,
                time,
                time,
                () -> 0.0);
    }
}
