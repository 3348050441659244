package sportello.openai;

import java.util.List;
import java.util.Locale;

/**
 * Which request options a model takes. Reasoning models (gpt-5 family, o-series) answer 400 to
 * {@code temperature} and {@code top_p}, take {@code reasoning} instead, and spend output tokens on thinking.
 * Public for {@code doctor}, whose test request must carry the same options as the agent's.
 */
public final class ModelFamily {

    private static final List<String> REASONING_PREFIXES = List.of("gpt-5", "o1", "o3", "o4");

    /** Reasoning models think within the same budget as the reply; below this a short answer may not fit. */
    static final int REASONING_MIN_OUTPUT_TOKENS = 2000;

    /** Sent to non-reasoning models only. */
    public static final double TEMPERATURE = 0.3;

    /** Sent to reasoning models only. */
    public static final String REASONING_EFFORT = "low";

    private ModelFamily() {}

    /** Gateways often prefix the provider ("openai/gpt-5-mini"), so only the last path segment counts. */
    public static boolean isReasoning(String model) {
        String name = model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return REASONING_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
