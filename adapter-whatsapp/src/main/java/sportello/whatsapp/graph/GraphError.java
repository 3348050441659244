package sportello.whatsapp.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code error} object of a failed Graph API call. Only {@code code} drives behaviour: Meta's HTTP statuses for the
 * same error vary between sources, and titles in {@code message} are being retired.
 */
public record GraphError(int code, String message, String details, String fbtraceId) {

    /** Graph prefixes messages with "(#131056) ", which repeats the code we print anyway. */
    private static final Pattern CODE_PREFIX = Pattern.compile("^\\(#\\d+\\)\\s*");

    public static Optional<GraphError> parse(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode error;
        try {
            error = mapper.readTree(body).path("error");
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode code = error.path("code");
        if (!code.canConvertToInt() && !(code.isTextual() && code.asText().matches("\\d+"))) {
            return Optional.empty();
        }
        return Optional.of(new GraphError(
                code.asInt(),
                textOrNull(error.path("message")),
                textOrNull(error.path("error_data").path("details")),
                textOrNull(error.path("fbtrace_id"))));
    }

    /** "131009: Parameter value is not valid (A reply button title is longer than 20 characters.)" */
    public String summary() {
        String text = message == null ? null : CODE_PREFIX.matcher(message).replaceFirst("");
        StringBuilder line = new StringBuilder().append(code);
        if (text != null && !text.isBlank()) {
            line.append(": ").append(text);
        }
        if (details != null) {
            line.append(text == null || text.isBlank() ? ": " + details : " (" + details + ")");
        }
        return line.toString();
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }
}
