package sportello.openai.wire;

import java.util.Optional;
import java.util.Set;

/**
 * What OpenAI said went wrong. Route on {@code type} and {@code code}, never on {@code message}, which is for
 * humans and changes wording. Every field may be null, e.g. when a proxy answered with HTML.
 */
public record ApiError(String type, String code, String message, String param) {

    public static final ApiError NONE = new ApiError(null, null, null, null);

    /** True when the type or the code is one of {@code values}. */
    public boolean is(Set<String> values) {
        return (type != null && values.contains(type)) || (code != null && values.contains(code));
    }

    public Optional<String> messageValue() {
        return Optional.ofNullable(message);
    }

    /** A short form for logs and reasons: "type/code". */
    public String label() {
        return (type == null ? "-" : type) + "/" + (code == null ? "-" : code);
    }
}
