package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.elements;
import static sportello.whatsapp.inbound.JsonFields.epochSeconds;
import static sportello.whatsapp.inbound.JsonFields.nonBlank;
import static sportello.whatsapp.inbound.JsonFields.object;
import static sportello.whatsapp.inbound.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Pricing;
import sportello.domain.conversation.StatusReport;
import sportello.whatsapp.graph.GraphErrorClass;

/** Turns one {@code statuses[]} element into a {@link StatusReport}, or a notice saying why it could not. */
final class InboundStatuses {

    /** What we put before our outbox id in {@code biz_opaque_callback_data}; Meta echoes it back. */
    static final String CORRELATION_PREFIX = "outbox:";

    private InboundStatuses() {}

    static void read(JsonNode status, ChangeValue value, String where, ReadingCollector out) {
        if (!status.isObject()) {
            out.notice(where + " is not an object; skipped");
            return;
        }
        String id = nonBlank(status, "id");
        if (id == null) {
            out.notice(where + " has no id; skipped");
            return;
        }
        String name = text(status, "status");
        Optional<DeliveryState> state = state(name);
        if (state.isEmpty()) {
            out.notice("status '" + name + "' of message " + id + " is not known; skipped");
            return;
        }
        Optional<Instant> at = epochSeconds(status, "timestamp");
        if (at.isEmpty()) {
            out.notice("status of message " + id + " has no readable timestamp; skipped");
            return;
        }
        boolean failed = state.get() == DeliveryState.FAILED;
        String failure = failed ? failureReason(status, where, out) : null;
        out.status(new StatusReport(
                value.phoneNumberId(),
                id,
                state.get(),
                at.get(),
                failure,
                correlation(nonBlank(status, "biz_opaque_callback_data")),
                pricing(object(status, "pricing")),
                failed && windowClosed(status)));
    }

    /** Meta refused the message because the customer's 24-hour window had closed (131047). */
    private static boolean windowClosed(JsonNode status) {
        JsonNode errors = status.path("errors");
        if (!errors.isArray()) {
            return false;
        }
        for (JsonNode error : errors) {
            JsonNode code = error.path("code");
            if (code.canConvertToInt() && GraphErrorClass.of(code.asInt()) == GraphErrorClass.WINDOW_CLOSED) {
                return true;
            }
        }
        return false;
    }

    /**
     * What Meta says the message costs; null when it says nothing (e.g. on {@code read}). {@code billable} is being
     * retired and not read: {@code type} says whether it is charged.
     */
    private static Pricing pricing(JsonNode pricing) {
        String model = nonBlank(pricing, "pricing_model");
        String type = nonBlank(pricing, "type");
        String category = nonBlank(pricing, "category");
        if (model == null && type == null && category == null) {
            return null;
        }
        return new Pricing(model, type, category);
    }

    private static Optional<DeliveryState> state(String name) {
        return Optional.ofNullable(
                switch (name == null ? "" : name) {
                    case "sent" -> DeliveryState.SENT;
                    case "delivered" -> DeliveryState.DELIVERED;
                    case "read" -> DeliveryState.READ;
                    case "played" -> DeliveryState.PLAYED;
                    case "failed" -> DeliveryState.FAILED;
                    default -> null;
                });
    }

    private static String failureReason(JsonNode status, String where, ReadingCollector out) {
        List<JsonNode> errors = elements(status, "errors", where, out);
        return errors.isEmpty() ? "failed without error details" : ReportedError.describe(errors.get(0));
    }

    private static String correlation(String echoed) {
        if (echoed == null) {
            return null;
        }
        String stripped =
                echoed.startsWith(CORRELATION_PREFIX) ? echoed.substring(CORRELATION_PREFIX.length()) : echoed;
        return stripped.isBlank() ? null : stripped;
    }
}
