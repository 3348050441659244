package sportello.openai.wire;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What OpenAI said went wrong. Route on {@code type} and {@code code}, never on {@code message}, which is for
 * humans and changes wording. Every field may be null, e.g. when a proxy answered with HTML.
 */
public record ApiError(String type, String code, String message, String param) {

    public static final ApiError NONE = new ApiError(null, null, null, null);

    /**
     * The billing family (reference §9): these come as 429 like rate limits, but waiting never fixes them. Matched on
     * type or code.
     */
    public static final Set<String> QUOTA = Set.of(
            "insufficient_quota",
            "credit_balance_exhausted",
            "organization_spend_limit_exceeded",
            "project_spend_limit_exceeded",
            "organization_usage_limit_exceeded");

    private static final Pattern KEY_LIKE = Pattern.compile("sk-[\\w*\\-]+");

    /** True when the type or the code is one of {@code values}. */
    public boolean is(Set<String> values) {
        return (type != null && values.contains(type)) || (code != null && values.contains(code));
    }

    public Optional<String> messageValue() {
        return Optional.ofNullable(message);
    }

    /** True for the billing family ({@link #QUOTA}): no credit or a spend limit reached. */
    public boolean isQuota() {
        return is(QUOTA);
    }

    /** OpenAI's message may quote a masked key; even masked, keys stay out of logs and reports. */
    public Optional<String> redactedMessage() {
        return messageValue().map(text -> KEY_LIKE.matcher(text).replaceAll("sk-…"));
    }

    /** A short form for logs and reasons: "type/code". */
    public String label() {
        return (type == null ? "-" : type) + "/" + (code == null ? "-" : code);
    }
}
