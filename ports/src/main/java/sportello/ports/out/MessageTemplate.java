package sportello.ports.out;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
import sportello.domain.conversation.TemplateMessage;

/**
 * An approved template as the channel lists it: what staff pick from. {@code body} is its text with numbered
 * placeholders ({@code {{1}}}), {@code parameters} how many values it needs. {@code header} is the kind of value its
 * header needs (a file, or a text for a header with a placeholder), null when it needs none; {@code linkButtons}
 * are the positions of its link buttons whose address ends in a placeholder, each needing that end as a value.
 */
public record MessageTemplate(
        String name,
        String language,
        String category,
        String body,
        int parameters,
        TemplateHeader.Format header,
        List<Integer> linkButtons) {

    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        category = category == null ? "" : category;
        body = body == null ? "" : body;
        if (parameters < 0) {
            throw new IllegalArgumentException("parameters must not be negative");
        }
        linkButtons = List.copyOf(linkButtons == null ? List.of() : linkButtons);
    }

    public MessageTemplate(String name, String language, String category, String body, int parameters) {
        this(name, language, category, body, parameters, null, List.of());
    }

    /**
     * Why {@code message} cannot be sent as this template (values missing or not expected), or empty when it can.
     */
    public Optional<String> refusal(TemplateMessage message) {
        if (parameters != message.parameters().size()) {
            return Optional.of("template '" + name + "' needs " + parameters + " values, "
                    + message.parameters().size() + " given");
        }
        var given = message.headerValue().map(TemplateHeader::format).orElse(null);
        if (header != given) {
            return Optional.of(
                    header == null
                            ? "template '" + name + "' has no header to fill in: leave the header out"
                            : "template '" + name + "' needs a header "
                                    + header.name().toLowerCase(Locale.ROOT)
                                    + (header == TemplateHeader.Format.TEXT ? "" : " (an https:// link or a media id)")
                                    + (given == null
                                            ? ""
                                            : ", not a " + given.name().toLowerCase(Locale.ROOT)));
        }
        for (TemplateButton button : message.buttons()) {
            if (button.kind() == TemplateButton.Kind.URL && !linkButtons.contains(button.index())) {
                return Optional.of("button " + button.index() + " of template '" + name
                        + "' is not a link with a placeholder: leave its value out");
            }
        }
        for (int index : linkButtons) {
            boolean filled =
                    message.buttons().stream().anyMatch(b -> b.index() == index && b.kind() == TemplateButton.Kind.URL);
            if (!filled) {
                return Optional.of("template '" + name + "' needs the end of the link of button " + index);
            }
        }
        return Optional.empty();
    }

    /**
     * The body with the values in place of {@code {{1}}}, {@code {{2}}}, … or of named placeholders, which take the
     * values in the order they first appear (a name used twice takes the same value twice).
     */
    public String render(java.util.List<String> values) {
        var text = new StringBuilder();
        var matcher =
                java.util.regex.Pattern.compile("\\{\\{\\s*([\\w]+)\\s*}}").matcher(body);
        var named = new java.util.LinkedHashMap<String, Integer>();
        while (matcher.find()) {
            String key = matcher.group(1);
            int index = key.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(key) - 1
                    : named.computeIfAbsent(key, k -> named.size());
            String value = index >= 0 && index < values.size() ? values.get(index) : matcher.group();
            matcher.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
