package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.elements;
import static sportello.whatsapp.inbound.JsonFields.nonBlank;
import static sportello.whatsapp.inbound.JsonFields.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.MessageKind;

/**
 * What one inbound message says, as a kind and a line of text staff and the agent can read. Media get their caption or
 * a short placeholder, plus the {@link Attachment} naming the file to download (null when Meta sent no media id);
 * anything we do not understand becomes "unsupported message" so it is kept, never dropped. {@code refersTo} is the
 * wamid the message is about: the one it edits, deletes or reacts to, else the one it quotes.
 */
record PayloadContent(MessageKind kind, String text, Attachment attachment, String refersTo) {

    static final String UNSUPPORTED = "unsupported message";
    static final String EDITED = "✏️ ";
    static final String EDITED_WITHOUT_CONTENT = EDITED + "message edited";
    static final String DELETED = "🗑 message deleted by the customer";

    PayloadContent(MessageKind kind, String text) {
        this(kind, text, null, null);
    }

    PayloadContent(MessageKind kind, String text, Attachment attachment) {
        this(kind, text, attachment, null);
    }

    /** A customer's message, including the kinds that only change an earlier one (edits, deletions, reactions). */
    static PayloadContent of(JsonNode message, ReadingCollector out) {
        String type = JsonFields.text(message, "type");
        JsonNode payload = type == null ? null : object(message, type);
        return switch (type == null ? "" : type) {
            case "edit" -> edit(payload, out);
            case "revoke" ->
                new PayloadContent(MessageKind.DELETION, DELETED, null, nonBlank(payload, "original_message_id"));
            case "reaction" -> said(message, out).about(firstOf(nonBlank(payload, "message_id"), quoted(message)));
            default -> said(message, out).about(quoted(message));
        };
    }

    /**
     * What a message says in itself, without what it refers to; also used for the new content of an edit and for
     * what staff sent from the WhatsApp Business app. An edit or deletion reads as unsupported here, so an edit
     * nested in an edit is never followed.
     */
    static PayloadContent said(JsonNode message, ReadingCollector out) {
        String type = JsonFields.text(message, "type");
        JsonNode payload = type == null ? null : object(message, type);
        return switch (type == null ? "" : type) {
            case "text" -> new PayloadContent(MessageKind.TEXT, orEmpty(JsonFields.text(payload, "body")));
            case "image" -> media(MessageKind.IMAGE, payload, "📷 image");
            case "video" -> media(MessageKind.VIDEO, payload, "🎬 video");
            case "document" ->
                media(MessageKind.DOCUMENT, payload, firstOf(nonBlank(payload, "filename"), "📄 document"));
            case "audio" ->
                media(
                        MessageKind.AUDIO,
                        payload,
                        payload.path("voice").asBoolean(false) ? "🎤 voice message" : "🎵 audio");
            case "sticker" -> new PayloadContent(MessageKind.STICKER, "💟 sticker", attachment(payload));
            case "location" -> new PayloadContent(MessageKind.LOCATION, location(payload));
            case "contacts" -> new PayloadContent(MessageKind.CONTACTS, contacts(message, out));
            case "interactive" -> interactive(payload);
            case "button" ->
                new PayloadContent(
                        MessageKind.BUTTON_REPLY,
                        orEmpty(firstOf(nonBlank(payload, "text"), JsonFields.text(payload, "payload"))));
            // An empty or absent emoji means the customer withdrew the reaction.
            case "reaction" -> new PayloadContent(MessageKind.REACTION, orEmpty(JsonFields.text(payload, "emoji")));
            case "system" -> new PayloadContent(MessageKind.SYSTEM, system(payload));
            default -> new PayloadContent(MessageKind.UNSUPPORTED, UNSUPPORTED);
        };
    }

    private PayloadContent about(String wamid) {
        return new PayloadContent(kind, text, attachment, wamid);
    }

    /**
     * The new content, read like a message of its own type and marked as an edit. No attachment: an edit changes a
     * caption at most, and the file came with the original.
     */
    private static PayloadContent edit(JsonNode edit, ReadingCollector out) {
        JsonNode newMessage = object(edit, "message");
        String newText = newMessage.isMissingNode() ? "" : said(newMessage, out).text();
        String text = newText.isBlank() ? EDITED_WITHOUT_CONTENT : EDITED + newText;
        return new PayloadContent(MessageKind.EDIT, text, null, nonBlank(edit, "original_message_id"));
    }

    /** The wamid a reply quotes ({@code context.id}; {@code message_id} as in our sends). A forward has none. */
    private static String quoted(JsonNode message) {
        JsonNode context = object(message, "context");
        return firstOf(nonBlank(context, "id"), nonBlank(context, "message_id"));
    }

    private static PayloadContent media(MessageKind kind, JsonNode payload, String placeholder) {
        return new PayloadContent(kind, firstOf(nonBlank(payload, "caption"), placeholder), attachment(payload));
    }

    /** The file behind a media message; without an id there is nothing to download, so no attachment. */
    private static Attachment attachment(JsonNode media) {
        String mediaId = nonBlank(media, "id");
        if (mediaId == null) {
            return null;
        }
        // Only documents carry a filename; for the other types the field is absent and reads as null.
        return new Attachment(mediaId, JsonFields.text(media, "mime_type"), JsonFields.text(media, "filename"));
    }

    private static String location(JsonNode location) {
        String latitude = JsonFields.text(location, "latitude");
        String longitude = JsonFields.text(location, "longitude");
        StringBuilder line = new StringBuilder("📍 ");
        line.append(latitude == null || longitude == null ? "location" : latitude + "," + longitude);
        List<String> place = new ArrayList<>();
        addIfPresent(place, nonBlank(location, "name"));
        addIfPresent(place, nonBlank(location, "address"));
        if (!place.isEmpty()) {
            line.append(" ").append(String.join(", ", place));
        }
        return line.toString();
    }

    /** Cards the customer shared (not the sender): each as its name and phone numbers. */
    private static String contacts(JsonNode message, ReadingCollector out) {
        List<String> cards = new ArrayList<>();
        for (JsonNode card : elements(message, "contacts", "message.contacts", out)) {
            List<String> parts = new ArrayList<>();
            JsonNode name = object(card, "name");
            addIfPresent(parts, firstOf(nonBlank(name, "formatted_name"), joinedName(name)));
            for (JsonNode phone : elements(card, "phones", "contact card", out)) {
                addIfPresent(parts, firstOf(nonBlank(phone, "phone"), nonBlank(phone, "wa_id")));
            }
            if (!parts.isEmpty()) {
                cards.add(String.join(" ", parts));
            }
        }
        return cards.isEmpty() ? "👤 contact" : "👤 " + String.join("; ", cards);
    }

    private static PayloadContent interactive(JsonNode interactive) {
        String subtype = JsonFields.text(interactive, "type");
        if ("button_reply".equals(subtype) || "list_reply".equals(subtype)) {
            JsonNode reply = object(interactive, subtype);
            return new PayloadContent(
                    MessageKind.BUTTON_REPLY, orEmpty(firstOf(nonBlank(reply, "title"), JsonFields.text(reply, "id"))));
        }
        // Flows (nfm_reply) and other interactive answers are not handled in v1.
        return new PayloadContent(MessageKind.UNSUPPORTED, UNSUPPORTED);
    }

    /** The notice Meta sends when a customer's identity changes; its {@code body} is prose and not parsed. */
    private static String system(JsonNode system) {
        String type = orEmpty(JsonFields.text(system, "type"));
        String phone = nonBlank(system, "wa_id");
        String userId = nonBlank(system, "user_id");
        String previousUserId = nonBlank(system, "previous_user_id");
        return switch (type) {
            case "user_changed_number" ->
                "customer changed phone number to " + orEmpty(phone)
                        + (userId == null ? "" : " (user id " + userId + ")");
            case "user_changed_user_id" ->
                "customer's user id changed "
                        + (previousUserId == null ? "" : "from " + previousUserId + " ")
                        + "to " + orEmpty(userId);
            default -> type.isEmpty() ? "system notice" : "system notice: " + type;
        };
    }

    private static String joinedName(JsonNode name) {
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, nonBlank(name, "first_name"));
        addIfPresent(parts, nonBlank(name, "last_name"));
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static void addIfPresent(List<String> parts, String value) {
        if (value != null) {
            parts.add(value);
        }
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
