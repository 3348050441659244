package sportello.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.out.MessageTemplate;

/** Templates in JSON: an approved one as {@code GET /api/templates} lists it, and one to send as a request gives it. */
final class TemplateJson {

    private TemplateJson() {}

    /** {@code parameters} is how many values the body's placeholders ({@code {{1}}}, …) need. */
    record Listed(String name, String language, String category, String body, int parameters) {
        static Listed of(MessageTemplate t) {
            return new Listed(t.name(), t.language(), t.category(), t.body(), t.parameters());
        }
    }

    /**
     * {@code {"name": "…", "language": "it", "parameters": ["…", …]}}, checked by the domain's own rules; {@code
     * parameters} may be left out when the template has none. Anything else is a {@link BadRequest} with {@code
     * usage} or the rule that was broken.
     */
    static TemplateMessage read(JsonNode node, String usage) {
        var name = node.path("name");
        var language = node.path("language");
        var given = node.path("parameters");
        if (!node.isObject() || !name.isTextual() || !language.isTextual()) {
            throw new BadRequest(usage);
        }
        var parameters = new ArrayList<String>();
        if (!given.isMissingNode() && !given.isNull()) {
            if (!given.isArray()) {
                throw new BadRequest("\"parameters\" must be a list of texts; " + usage);
            }
            for (JsonNode parameter : given) {
                if (!parameter.isTextual()) {
                    throw new BadRequest("every template parameter must be a text; " + usage);
                }
                parameters.add(parameter.asText());
            }
        }
        try {
            return new TemplateMessage(name.asText(), language.asText(), parameters);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
