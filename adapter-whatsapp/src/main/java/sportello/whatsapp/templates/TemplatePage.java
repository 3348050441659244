package sportello.whatsapp.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sportello.domain.conversation.TemplateHeader;
import sportello.ports.out.MessageTemplate;

/**
 * One page of {@code GET /{waba-id}/message_templates}: the approved templates on it and where the next page is.
 * Entries that are not approved (pending, rejected, paused, disabled) or lack a name or language are left out: staff
 * can send only approved ones.
 */
record TemplatePage(List<MessageTemplate> approved, Optional<String> next, Optional<String> after) {

    /** Empty when the answer has no {@code data} list, so it is not a page of templates at all. */
    static Optional<TemplatePage> read(JsonNode root) {
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            return Optional.empty();
        }
        List<MessageTemplate> approved = new ArrayList<>();
        for (JsonNode entry : data) {
            approvedTemplate(entry).ifPresent(approved::add);
        }
        JsonNode paging = root.path("paging");
        return Optional.of(new TemplatePage(
                List.copyOf(approved),
                text(paging.path("next")),
                text(paging.path("cursors").path("after"))));
    }

    private static Optional<MessageTemplate> approvedTemplate(JsonNode entry) {
        Optional<String> name = text(entry.path("name"));
        Optional<String> language = text(entry.path("language"));
        if (!"APPROVED".equalsIgnoreCase(entry.path("status").asText()) || name.isEmpty() || language.isEmpty()) {
            return Optional.empty();
        }
        JsonNode components = entry.path("components");
        String body = body(components);
        return Optional.of(new MessageTemplate(
                name.get(),
                language.get(),
                entry.path("category").asText(""),
                body,
                Placeholders.in(body).size(),
                header(components),
                linkButtons(components)));
    }

    /**
     * What the HEADER needs filled in: its file for IMAGE, VIDEO and DOCUMENT, its text only when it has a
     * placeholder. A LOCATION header, or a format we do not know, is left for WhatsApp's answer to judge.
     */
    private static TemplateHeader.Format header(JsonNode components) {
        for (JsonNode component : components) {
            if (!"HEADER".equalsIgnoreCase(component.path("type").asText())) {
                continue;
            }
            String format = component.path("format").asText("");
            return switch (format.toUpperCase(Locale.ROOT)) {
                case "IMAGE" -> TemplateHeader.Format.IMAGE;
                case "VIDEO" -> TemplateHeader.Format.VIDEO;
                case "DOCUMENT" -> TemplateHeader.Format.DOCUMENT;
                case "TEXT" ->
                    Placeholders.in(component.path("text").asText("")).isEmpty() ? null : TemplateHeader.Format.TEXT;
                default -> null;
            };
        }
        return null;
    }

    /** Positions, among all buttons, of the URL buttons whose address ends in a placeholder. */
    private static List<Integer> linkButtons(JsonNode components) {
        List<Integer> positions = new ArrayList<>();
        for (JsonNode component : components) {
            if (!"BUTTONS".equalsIgnoreCase(component.path("type").asText())) {
                continue;
            }
            JsonNode buttons = component.path("buttons");
            for (int i = 0; i < buttons.size(); i++) {
                JsonNode button = buttons.get(i);
                if ("URL".equalsIgnoreCase(button.path("type").asText())
                        && !Placeholders.in(button.path("url").asText("")).isEmpty()) {
                    positions.add(i);
                }
            }
        }
        return List.copyOf(positions);
    }

    /** The text of the BODY component; Meta spells component types in capitals, we do not rely on it. */
    private static String body(JsonNode components) {
        for (JsonNode component : components) {
            if ("BODY".equalsIgnoreCase(component.path("type").asText())) {
                return component.path("text").asText("");
            }
        }
        return "";
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
