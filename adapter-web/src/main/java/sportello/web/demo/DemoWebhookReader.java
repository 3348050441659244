package sportello.web.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.ports.out.WebhookReader;

/**
 * Reads demo messages, {@code {"from": "+39 347 123 4567", "name": "Giulia", "text": "…"}}, posted on the local
 * network. They take the same path as WhatsApp webhooks: stored in the inbox first, then processed.
 */
public final class DemoWebhookReader implements WebhookReader {

    public static final String ACCOUNT = "demo";

    private final ObjectMapper json;
    private final InstantSource clock;

    public DemoWebhookReader(ObjectMapper json, InstantSource clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<String> handshake(Map<String, String> query) {
        return Optional.empty();
    }

    @Override
    public Reading read(byte[] body, Map<String, String> headers) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            return new Reading.Unreadable("not JSON: send {\"from\": \"+39 347 123 4567\", \"text\": \"…\"}");
        }
        String from = node == null ? "" : node.path("from").asText("").replaceAll("[^0-9]", "");
        String text = node == null ? "" : node.path("text").asText("");
        if (from.isEmpty() || text.isBlank()) {
            return new Reading.Unreadable("send {\"from\": \"+39 347 123 4567\", \"text\": \"…\"}");
        }
        String name = node.path("name").asText(null);
        var message = new CustomerMessage(
                ACCOUNT,
                "demo." + UUID.randomUUID(),
                Customer.of(null, from, name),
                MessageKind.TEXT,
                text,
                clock.instant(),
                node.toString());
        return new Reading.Events(List.of(message), List.of(), List.of());
    }
}
