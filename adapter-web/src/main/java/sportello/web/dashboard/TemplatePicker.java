package sportello.web.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the composer shows once the 24-hour window has closed: the approved templates to choose from and, once one
 * is chosen, its text and a field per value. When the catalogue cannot be read, {@code unavailable} says why and
 * staff type the name, language and values themselves.
 */
public record TemplatePicker(
        Texts t,
        String conversationId,
        String csrfToken,
        List<Option> options,
        String unavailable,
        TemplateDraft draft,
        String error,
        boolean sent) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    /**
     * An approved template; {@code key} is the select's value, {@code parameters} how many values it needs,
     * {@code header} the kind of header value it needs ({@code image}, {@code text}, …, empty for none), {@code
     * linkButtons} the buttons whose link needs its end.
     */
    public record Option(
            String key,
            String label,
            String name,
            String language,
            String body,
            int parameters,
            String header,
            List<Integer> linkButtons) {}

    /** One value to type: the label names its placeholder ({@code {{1}}}) in the body shown above. */
    public record Field(String id, String label, String value) {}

    /** The chosen template, or null until staff choose one. */
    public Option chosen() {
        return options.stream()
                .filter(o -> o.key().equals(draft.key()))
                .findFirst()
                .orElse(null);
    }

    public boolean selected(Option option) {
        return option.equals(chosen());
    }

    public List<Field> fields() {
        var chosen = chosen();
        if (chosen == null) {
            return List.of();
        }
        var names = placeholders(chosen.body());
        var fields = new ArrayList<Field>();
        for (int i = 1; i <= chosen.parameters(); i++) {
            String placeholder = names.size() == chosen.parameters() ? names.get(i - 1) : String.valueOf(i);
            String value = i <= draft.values().size() ? draft.values().get(i - 1) : "";
            fields.add(new Field("template-value-" + i, t.format("templates.value", "{{" + placeholder + "}}"), value));
        }
        return fields;
    }

    /** The header's value to type, or null when the chosen template needs none. */
    public Field headerField() {
        var chosen = chosen();
        if (chosen == null || chosen.header().isEmpty()) {
            return null;
        }
        return new Field("template-header", t.get("templates.header." + chosen.header()), draft.header());
    }

    /** One field per link button whose address ends in a placeholder; the field's name carries the position. */
    public List<Field> linkFields() {
        var chosen = chosen();
        if (chosen == null) {
            return List.of();
        }
        return chosen.linkButtons().stream()
                .map(button -> new Field(
                        TemplateDraft.linkField(button),
                        t.format("templates.link", String.valueOf(button + 1)),
                        draft.links().getOrDefault(button, "")))
                .toList();
    }

    /**
     * The body's named placeholders ({@code {{first_name}}}) in the order values fill them, so each field is
     * labelled with the name staff see in the text; numbered ones are simply 1, 2, …
     */
    private static List<String> placeholders(String body) {
        var names = new LinkedHashSet<String>();
        var matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        boolean numbered = names.stream().allMatch(name -> name.chars().allMatch(Character::isDigit));
        return numbered ? List.of() : List.copyOf(names);
    }

    /** The typed values, one per line, for the free form used when the catalogue cannot be read. */
    public String valuesText() {
        return String.join("\n", draft.values());
    }

    /** Where choosing goes without JavaScript: the page again, with the choice. */
    public String chooseUrl() {
        return Urls.conversation(conversationId);
    }

    /** Where choosing goes with htmx: only the composer, with the choice. */
    public String refreshUrl() {
        return Urls.conversation(conversationId) + "/composer";
    }

    public String action() {
        return Urls.conversation(conversationId) + "/template";
    }
}
