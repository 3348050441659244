package sportello.web.dashboard;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The template staff are preparing in the picker: which one, in which language, and the values typed so far. It is
 * only a draft: the domain's {@code TemplateMessage} checks it when it is sent.
 */
public record TemplateDraft(String name, String language, List<String> values) {

    static final TemplateDraft NONE = new TemplateDraft("", "", List.of());

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
        return new TemplateDraft(
                Objects.requireNonNullElse(ctx.formParam("name"), "").strip(),
                Objects.requireNonNullElse(ctx.formParam("language"), "").strip(),
                values.stream().map(String::strip).toList());
    }

    String key() {
        return name + ":" + language;
    }

    boolean isEmpty() {
        return name.isBlank();
    }
}
