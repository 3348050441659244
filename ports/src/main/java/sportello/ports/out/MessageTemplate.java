package sportello.ports.out;

import java.util.Objects;

/**
 * An approved template as the channel lists it: what staff pick from. {@code body} is its text with numbered
 * placeholders ({@code {{1}}}), {@code parameters} how many values it needs.
 */
public record MessageTemplate(String name, String language, String category, String body, int parameters) {

    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        category = category == null ? "" : category;
        body = body == null ? "" : body;
        if (parameters < 0) {
            throw new IllegalArgumentException("parameters must not be negative");
        }
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
