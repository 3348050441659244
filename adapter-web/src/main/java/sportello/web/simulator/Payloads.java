package sportello.web.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The simulator's webhook format, written by {@link SimulatorChannel} and read by {@link SimulatorWebhookReader}:
 * the phone delivers a customer's message or its receipts, as Meta does for WhatsApp.
 */
final class Payloads {

    private Payloads() {}

    /** {@code {"id": "sim.…", "from": "+39 333 123 4567", "name": "Giulia", "text": "…"}}; the id is optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerWrote(String id, String from, String name, String text) {}

    /** {@code {"statuses": [{"id": "sim.…", "status": "delivered", "correlation": "…"}]}}. */
    record Receipts(List<Receipt> statuses) {}

    /** {@code status} is {@code sent}, {@code delivered}, {@code read} or {@code failed} (with a reason). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Receipt(String id, String status, String correlation, String reason) {}
}
