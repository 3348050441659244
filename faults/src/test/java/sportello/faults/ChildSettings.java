package sportello.faults;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment a child gets: WhatsApp and OpenAI pointed at the fakes, no debounce, a fast sending pace. */
final class ChildSettings {

    private ChildSettings() {}

    static Map<String, String> of(Path dataDir, FakeGraph graph, FakeOpenAi openAi) {
        var env = new HashMap<String, String>();
        env.put("DATA_DIR", dataDir.toString());
        env.put("VERIFY_TOKEN", "faults-verify-token");
        env.put("WHATSAPP_ACCESS_TOKEN", "EAAGfaultsTokenNotReal0123456789");
        env.put("WHATSAPP_PHONE_ID", SignedWebhooks.PHONE_ID);
        env.put("WHATSAPP_APP_SECRET", SignedWebhooks.APP_SECRET);
        env.put("WHATSAPP_API_BASE_URL", graph.baseUrl());
        env.put("WHATSAPP_API_VERSION", FakeGraph.VERSION);
        env.put("WHATSAPP_MESSAGES_PER_SECOND", "1000");
        env.put("OPENAI_API_KEY", "sk-faults-not-a-real-key-0123456789");
        env.put("OPENAI_BASE_URL", openAi.baseUrl());
        env.put("OPENAI_MODEL", "gpt-4.1-mini");
        env.put("REPLY_DEBOUNCE_MS", "0");
        env.put("WEBHOOK_SILENCE_MINUTES", "0");
        env.put("RETENTION_MONTHS", "0");
        return env;
    }
}
