package sportello.whatsapp.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tolerant reads from Meta's JSON: a field of the wrong shape reads as absent instead of throwing, because Meta adds
 * and reshapes fields without a version bump and one odd element must not cost the rest of a delivery.
 */
final class JsonFields {

    private JsonFields() {}

    /** A string field; numbers are accepted as their text (ids are documented as strings, but be lenient). */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
            return null;
        }
        return value.asText();
    }

    /** Like {@link #text} but a blank value reads as absent: an empty id identifies nothing. */
    static String nonBlank(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : value;
    }

    /** A nested object, or a missing node that answers every further read with "absent". */
    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : MissingNode.getInstance();
    }

    /** Unix seconds, as the documented string or as a number. */
    static Optional<Instant> epochSeconds(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The elements of an array field; absent or null is an empty list, any other shape is reported and skipped. */
    static List<JsonNode> elements(JsonNode node, String field, String where, ReadingCollector out) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return List.of();
        }
        if (!value.isArray()) {
            out.notice(where + "." + field + " is a "
                    + value.getNodeType().name().toLowerCase() + ", not an array; skipped");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }
}
