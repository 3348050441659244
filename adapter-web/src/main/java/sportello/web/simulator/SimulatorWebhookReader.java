package sportello.web.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.StatusReport;
import sportello.domain.customer.Customer;
import sportello.ports.out.WebhookReader;

/**
 * Reads what the built-in WhatsApp simulator delivers (see {@link Payloads}): a customer's message, or the
 * phone's receipts for messages it received. Deliveries take the same path as WhatsApp webhooks, stored in the
 * inbox first. Nothing is signed: only the simulator and the staff-only demo API reach this reader, never the
 * public webhook.
 */
public final class SimulatorWebhookReader implements WebhookReader {

    /** The channel account of every simulated message, as a WhatsApp business number would be. */
    public static final String ACCOUNT = "simulator";

    private static final String USAGE = "send {\"from\": \"+39 333 123 4567\", \"name\": \"Giulia\", \"text\": \"…\"}";
    private static final Map<String, DeliveryState> STATES = Map.of(
            "sent", DeliveryState.SENT,
            "delivered", DeliveryState.DELIVERED,
            "read", DeliveryState.READ,
            "failed", DeliveryState.FAILED);

    private final ObjectMapper json;
    private final InstantSource clock;

    public SimulatorWebhookReader(ObjectMapper json, InstantSource clock) {
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
            return new Reading.Unreadable("not JSON: " + USAGE);
        }
        if (node == null || !node.isObject()) {
            return new Reading.Unreadable(USAGE);
        }
        Instant now = clock.instant();
        var statuses = new ArrayList<StatusReport>();
        for (JsonNode receipt : node.path("statuses")) {
            String id = receipt.path("id").asText("");
            var state = STATES.get(receipt.path("status").asText("").toLowerCase(Locale.ROOT));
            if (id.isBlank() || state == null) {
                return new Reading.Unreadable("a receipt needs an id and a status (sent, delivered, read, failed)");
            }
            statuses.add(new StatusReport(
                    ACCOUNT, id, state, now, textOrNull(receipt, "reason"), textOrNull(receipt, "correlation")));
        }
        var messages = new ArrayList<CustomerMessage>();
        if (node.has("from") || node.has("text")) {
            String from = Phones.digits(node.path("from").asText("")).orElse("");
            String text = node.path("text").asText("");
            if (from.isEmpty() || text.isBlank()) {
                return new Reading.Unreadable(USAGE);
            }
            String id = Optional.ofNullable(textOrNull(node, "id")).orElseGet(() -> "sim." + UUID.randomUUID());
            messages.add(new CustomerMessage(
                    ACCOUNT,
                    id,
                    Customer.of(null, from, textOrNull(node, "name")),
                    MessageKind.TEXT,
                    text,
                    now,
                    node.toString()));
        }
        if (messages.isEmpty() && statuses.isEmpty()) {
            return new Reading.Unreadable(USAGE);
        }
        return new Reading.Events(List.copyOf(messages), List.copyOf(statuses), List.of());
    }

    private static String textOrNull(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
