package sportello.web.dashboard;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
import sportello.domain.conversation.TemplateMessage;

/**
 * The template staff are preparing in the picker: which one, in which language, and the values typed so far (the
 * body's, the header's with its type, and the end of each link button's address by button position). It is only a
 * draft: the domain's {@code TemplateMessage} checks it when it is sent.
 */
public record TemplateDraft(
        String name,
        String language,
        List<String> values,
        String headerType,
        String header,
        SortedMap<Integer, String> links) {

    static final TemplateDraft NONE = new TemplateDraft("", "", List.of());

    private static final String LINK_FIELD = "link-";

    public TemplateDraft {
        headerType = Objects.requireNonNullElse(headerType, "");
        header = Objects.requireNonNullElse(header, "");
        links = Collections.unmodifiableSortedMap(new TreeMap<>(links == null ? Map.of() : links));
    }

    TemplateDraft(String name, String language, List<String> values) {
        this(name, language, values, "", "", null);
    }

    /** The picker's choice, {@code name:language} (neither may contain a colon), as its select sends it. */
    static TemplateDraft chosen(String key) {
        if (key == null || key.indexOf(':') < 1) {
            return NONE;
        }
        int colon = key.lastIndexOf(':');
        return new TemplateDraft(key.substring(0, colon), key.substring(colon + 1), List.of());
    }

    /**
     * The send form: {@code name}, {@code language} and one {@code value} field per placeholder; or, when the
     * catalogue cannot be read and nobody knows how many there are, {@code values} with one per line.
     */
    static TemplateDraft submitted(Context ctx) {
        List<String> values = ctx.formParams("value");
        if (values.isEmpty()) {
            values = Arrays.stream(Objects.requireNonNullElse(ctx.formParam("values"), "")
                            .split("\r?\n"))
                    .filter(line -> !line.isBlank())
                    .toList();
        }
        var links = new TreeMap<Integer, String>();
        ctx.formParamMap().forEach((field, typed) -> {
            if (field.startsWith(LINK_FIELD) && !typed.isEmpty()) {
                try {
                    links.put(
                            Integer.parseInt(field.substring(LINK_FIELD.length())),
                            typed.getFirst().strip());
                } catch (NumberFormatException e) {
                    // not one of our fields: ignored like any other unknown form field
                }
            }
        });
        return new TemplateDraft(
                Objects.requireNonNullElse(ctx.formParam("name"), "").strip(),
                Objects.requireNonNullElse(ctx.formParam("language"), "").strip(),
                values.stream().map(String::strip).toList(),
                Objects.requireNonNullElse(ctx.formParam("headerType"), "").strip(),
                Objects.requireNonNullElse(ctx.formParam("header"), "").strip(),
                links);
    }

    /** The template to send, with the header and link values typed; the domain's rules may still refuse it. */
    TemplateMessage message() {
        TemplateHeader typedHeader =
                header.isBlank() ? null : new TemplateHeader(TemplateHeader.Format.named(headerType), header);
        var buttons = links.entrySet().stream()
                .filter(link -> !link.getValue().isBlank())
                .map(link -> new TemplateButton(link.getKey(), TemplateButton.Kind.URL, link.getValue()))
                .toList();
        return new TemplateMessage(name, language, values, typedHeader, buttons);
    }

    static String linkField(int button) {
        return LINK_FIELD + button;
    }

    String key() {
        return name + ":" + language;
    }

    boolean isEmpty() {
        return name.isBlank();
    }
}
