package sportello.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.out.MessageTemplate;

/** Templates in JSON: an approved one as {@code GET /api/templates} lists it, and one to send as a request gives it. */
final class TemplateJson {

    private TemplateJson() {}

    /**
     * {@code parameters} is how many values the body's placeholders ({@code {{1}}}, …) need; {@code header} what
     * the header needs ({@code image}, {@code video}, {@code document}, {@code text}, or null for nothing);
     * {@code linkButtons} the positions of link buttons that need the end of their address.
     */
    record Listed(
            String name,
            String language,
            String category,
            String body,
            int parameters,
            String header,
            List<Integer> linkButtons) {
        static Listed of(MessageTemplate t) {
            return new Listed(
                    t.name(),
                    t.language(),
                    t.category(),
                    t.body(),
                    t.parameters(),
                    t.header() == null ? null : t.header().name().toLowerCase(Locale.ROOT),
                    t.linkButtons());
        }
    }

    /**
     * {@code {"name": "…", "language": "it", "parameters": ["…", …]}}, checked by the domain's own rules; {@code
     * parameters} may be left out when the template has none. A template with a header or buttons to fill in adds
     * {@code "header": {"type": "image", "link": "https://…"}} (or {@code "id"} for a media id; {@code "type":
     * "text"} with {@code "text"}) and {@code "buttons": [{"index": 1, "type": "url", "text": "58213"}, {"index": 0,
     * "type": "quick_reply", "payload": "…"}]}, as WhatsApp names them. Anything else is a {@link BadRequest} with
     * {@code usage} or the rule that was broken.
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
            return new TemplateMessage(
                    name.asText(),
                    language.asText(),
                    parameters,
                    header(node.path("header"), usage),
                    buttons(node.path("buttons"), usage));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static TemplateHeader header(JsonNode header, String usage) {
        if (header.isMissingNode() || header.isNull()) {
            return null;
        }
        if (!header.path("type").isTextual()) {
            throw new BadRequest("\"header\" must be {\"type\": \"image\", \"link\": \"https://…\"} or"
                    + " {\"type\": \"text\", \"text\": \"…\"}; " + usage);
        }
        var format = TemplateHeader.Format.named(header.path("type").asText());
        String field = format == TemplateHeader.Format.TEXT ? "text" : header.has("id") ? "id" : "link";
        if (!header.path(field).isTextual()) {
            throw new BadRequest("the template header of type "
                    + header.path("type").asText() + " needs \"" + field + "\" as a text; " + usage);
        }
        return new TemplateHeader(format, header.path(field).asText());
    }

    private static List<TemplateButton> buttons(JsonNode buttons, String usage) {
        if (buttons.isMissingNode() || buttons.isNull()) {
            return List.of();
        }
        if (!buttons.isArray()) {
            throw new BadRequest("\"buttons\" must be a list like [{\"index\": 0, \"type\": \"url\","
                    + " \"text\": \"…\"}]; " + usage);
        }
        var read = new ArrayList<TemplateButton>();
        for (JsonNode button : buttons) {
            if (!button.path("index").canConvertToInt() || !button.path("type").isTextual()) {
                throw new BadRequest("every template button needs \"index\" (0–9) and \"type\"; " + usage);
            }
            var kind = TemplateButton.Kind.named(button.path("type").asText());
            String field = kind == TemplateButton.Kind.URL ? "text" : "payload";
            if (!button.path(field).isTextual()) {
                throw new BadRequest("a template button of type "
                        + button.path("type").asText() + " needs \"" + field + "\" as a text; " + usage);
            }
            read.add(new TemplateButton(
                    button.path("index").asInt(), kind, button.path(field).asText()));
        }
        return read;
    }
}
