package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.elements;
import static sportello.whatsapp.inbound.JsonFields.nonBlank;
import static sportello.whatsapp.inbound.JsonFields.object;
import static sportello.whatsapp.inbound.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import sportello.ports.out.WebhookReader.Reading.Events;

/**
 * Walks a verified webhook body: every entry, every change, every element. One delivery may hold up to 1000 updates
 * for several numbers; an element that cannot be read becomes a notice and the walk goes on.
 */
final class WebhookPayload {

    static final String WHATSAPP_OBJECT = "whatsapp_business_account";
    /** Customer messages, statuses of ours and errors. */
    private static final String MESSAGES = "messages";
    /** Coexistence: what staff sent from the WhatsApp Business app on the same number. */
    private static final String ECHOES = "smb_message_echoes";

    private final Set<String> servedPhoneNumberIds;

    WebhookPayload(Set<String> servedPhoneNumberIds) {
        this.servedPhoneNumberIds = Set.copyOf(servedPhoneNumberIds);
    }

    Events events(JsonNode root) {
        var out = new ReadingCollector();
        String object = text(root, "object");
        if (!WHATSAPP_OBJECT.equals(object)) {
            // Other Meta products can share the callback URL; their deliveries are acknowledged and ignored.
            out.notice("ignored a webhook for object '" + object + "'");
            return out.events();
        }
        List<JsonNode> entries = elements(root, "entry", "webhook", out);
        for (int e = 0; e < entries.size(); e++) {
            String entryWhere = "entry[" + e + "]";
            List<JsonNode> changes = elements(entries.get(e), "changes", entryWhere, out);
            for (int c = 0; c < changes.size(); c++) {
                readChange(changes.get(c), entryWhere + ".changes[" + c + "]", out);
            }
        }
        return out.events();
    }

    private void readChange(JsonNode change, String where, ReadingCollector out) {
        String field = text(change, "field");
        if (!MESSAGES.equals(field) && !ECHOES.equals(field)) {
            return; // account_update, user_preferences, history, …: subscribed fields we do not use
        }
        JsonNode valueNode = object(change, "value");
        if (valueNode.isMissingNode()) {
            out.notice(where + " has no value object; skipped");
            return;
        }
        var value = new ChangeValue(
                nonBlank(object(valueNode, "metadata"), "phone_number_id"),
                elements(valueNode, "contacts", where + ".value", out).stream()
                        .filter(JsonNode::isObject)
                        .toList(),
                where + ".value");
        if (value.phoneNumberId() != null && !servedPhoneNumberIds.contains(value.phoneNumberId())) {
            // answering would reply from our number to someone who wrote to another: keep the raw body only
            out.notice("phone_number_id " + value.phoneNumberId() + " is not configured in Sportello: its messages"
                    + " are kept in the raw delivery but not answered. Set WHATSAPP_PHONE_ID to it, or unsubscribe"
                    + " that number's app from this webhook");
            return;
        }
        if (ECHOES.equals(field)) {
            readEach(valueNode, "message_echoes", value, out, BusinessEchoes::read);
            return;
        }
        readEach(valueNode, "messages", value, out, InboundMessages::read);
        readEach(valueNode, "statuses", value, out, InboundStatuses::read);
        for (JsonNode error : elements(valueNode, "errors", value.where(), out)) {
            out.notice("WhatsApp reported an error for phone_number_id " + value.phoneNumberId() + ": "
                    + ReportedError.describe(error));
        }
    }

    /** How each element reader is called: the element, what its change shares, where it sits, and the collector. */
    @FunctionalInterface
    private interface ElementReader {
        void read(JsonNode element, ChangeValue value, String where, ReadingCollector out);
    }

    private static void readEach(
            JsonNode valueNode, String array, ChangeValue value, ReadingCollector out, ElementReader reader) {
        List<JsonNode> elements = elements(valueNode, array, value.where(), out);
        for (int i = 0; i < elements.size(); i++) {
            String elementWhere = value.where() + "." + array + "[" + i + "]";
            JsonNode element = elements.get(i);
            guarded(elementWhere, out, () -> reader.read(element, value, elementWhere, out));
        }
    }

    /**
     * The readers are written not to throw; this is the net under them, so one unforeseen shape costs one element
     * (named in a notice, the raw body is stored anyway) and never the whole delivery.
     */
    private static void guarded(String where, ReadingCollector out, Runnable read) {
        try {
            read.run();
        } catch (RuntimeException e) {
            out.notice(where + " could not be read (" + e.getClass().getSimpleName() + "); skipped");
        }
    }
}
