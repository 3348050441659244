package sportello.whatsapp.inbound;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import sportello.whatsapp.Fixtures;

/**
 * Structure-aware fuzz input: one captured webhook, then a few edits chosen by the fuzzer (a field removed, retyped,
 * set to a word Meta uses, or grafted from elsewhere). The result is still JSON, so the fuzzer spends its time inside
 * the payload readers instead of in the JSON parser.
 */
final class WebhookMutations {

    /** Every signed webhook fixture; in an {@code edit-*} seed the byte before the final 0 picks one. */
    static final List<String> FIXTURES = List.of(
            "inbound-text.json",
            "inbound-text-username-only.json",
            "inbound-image.json",
            "inbound-audio-voice.json",
            "inbound-video.json",
            "inbound-document.json",
            "inbound-sticker.json",
            "inbound-location.json",
            "inbound-contacts.json",
            "inbound-interactive-button-reply.json",
            "inbound-interactive-list-reply.json",
            "inbound-template-button.json",
            "inbound-reaction.json",
            "inbound-reaction-removed.json",
            "inbound-unsupported.json",
            "inbound-reply-context.json",
            "inbound-forwarded.json",
            "inbound-referral.json",
            "inbound-system-user-changed-number.json",
            "inbound-system-user-changed-user-id.json",
            "inbound-edit.json",
            "inbound-revoke.json",
            "status-sent.json",
            "status-sent-legacy-v23.json",
            "status-delivered.json",
            "status-delivered-user-id-only.json",
            "status-read.json",
            "status-failed-131026.json",
            "status-failed-131047.json",
            "webhook-batched.json",
            "webhook-errors-130429.json",
            "inbound-smb-message-echo.json");

    /** Values Meta puts in "type", "status", "field" and friends: swapping one in reaches another reader branch. */
    private static final List<String> META_WORDS = List.of(
            "whatsapp_business_account",
            "messages",
            "text",
            "image",
            "video",
            "audio",
            "document",
            "sticker",
            "location",
            "contacts",
            "interactive",
            "button_reply",
            "list_reply",
            "nfm_reply",
            "button",
            "reaction",
            "system",
            "edit",
            "revoke",
            "original_message_id",
            "message",
            "context",
            "message_id",
            "forwarded",
            "smb_message_echoes",
            "message_echoes",
            "to",
            "to_user_id",
            "pricing",
            "pricing_model",
            "user_changed_number",
            "user_changed_user_id",
            "unsupported",
            "sent",
            "delivered",
            "read",
            "played",
            "failed",
            "errors",
            "statuses",
            "metadata",
            "phone_number_id",
            "106540352242922",
            "from",
            "from_user_id",
            "user_id",
            "previous_user_id",
            "wa_id",
            "id",
            "timestamp",
            "1795512600",
            "-1",
            "99999999999999999999",
            "");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<JsonNode> TREES =
            FIXTURES.stream().map(name -> readTree(Fixtures.bytes(name))).toList();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebhookMutations() {}

    /** The bytes of a fixture after up to eight edits; with no data left, the fixture itself. */
    static byte[] next(FuzzedDataProvider data) {
        ObjectNode root = (ObjectNode) data.pickValue(TREES).deepCopy();
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits; i++) {
            edit(root, data);
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (Exception e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void edit(ObjectNode root, FuzzedDataProvider data) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot slot = data.pickValue(slots);
        JsonNode replacement = switch (data.consumeInt(0, 10)) {
            case 0 -> null; // removed
            case 1 -> NODES.textNode(data.consumeString(64));
            case 2 -> NODES.textNode(data.pickValue(META_WORDS));
            case 3 -> NODES.numberNode(data.consumeLong());
            case 4 -> NODES.numberNode(data.consumeDouble());
            case 5 -> NODES.booleanNode(data.consumeBoolean());
            case 6 -> NODES.nullNode();
            case 7 -> data.consumeBoolean() ? NODES.objectNode() : NODES.arrayNode();
            case 8 -> data.pickValue(slots).value().deepCopy(); // grafted from elsewhere
            case 9 -> NODES.arrayNode().add(slot.value().deepCopy());
            default -> {
                // a new sibling field named like one of Meta's
                if (slot.parent() instanceof ObjectNode object) {
                    object.put(data.pickValue(META_WORDS), data.consumeString(32));
                }
                yield slot.value();
            }
        };
        slot.set(replacement);
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                slots.add(new Slot(object, field.getKey(), -1, field.getValue()));
                collect(field.getValue(), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i, array.get(i)));
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One place in the tree: a field of an object or an element of an array. */
    private record Slot(ContainerNode<?> parent, String field, int index, JsonNode value) {

        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                if (replacement == null) {
                    object.remove(field);
                } else {
                    object.set(field, replacement);
                }
            } else if (parent instanceof ArrayNode array && index < array.size()) {
                if (replacement == null) {
                    array.remove(index);
                } else {
                    array.set(index, replacement);
                }
            }
        }
    }
}
