package sportello.openai;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which request options and inputs a model takes. Reasoning models (gpt-5 family, o-series) answer 400 to
 * {@code temperature} and {@code top_p}, take {@code reasoning} instead, and spend output tokens on thinking.
 * Public for {@code doctor}, whose test request must carry the same options as the agent's.
 */
public final class ModelFamily {

    private static final List<String> REASONING_PREFIXES = List.of("gpt-5", "o1", "o3", "o4");

    /** Whole families that see images, snapshots and sizes included (gpt-4.1-nano, gpt-5-mini, ...). */
    private static final List<String> IMAGE_FAMILIES = List.of("gpt-4o", "gpt-4.1", "gpt-5");

    /** The o-series models that see images; their -mini and -preview siblings (o1-mini, o3-mini) read text only. */
    private static final Set<String> IMAGE_MODELS = Set.of("o1", "o1-pro", "o3", "o3-pro", "o4-mini");

    private static final Pattern DATE_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$");

    /** Reasoning models think within the same budget as the reply; below this a short answer may not fit. */
    static final int REASONING_MIN_OUTPUT_TOKENS = 2000;

    /** Sent to non-reasoning models only. */
    public static final double TEMPERATURE = 0.3;

    /** Sent to reasoning models only. */
    public static final String REASONING_EFFORT = "low";

    private ModelFamily() {}

    /** Gateways often prefix the provider ("openai/gpt-5-mini"), so only the last path segment counts. */
    public static boolean isReasoning(String model) {
        String name = name(model);
        return REASONING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * True when the model reads {@code input_image} parts, so a customer's photo can go to it as a picture rather
     * than as its caption. Unknown models are taken to read text only: an image part they refuse is a 400.
     */
    public static boolean acceptsImages(String model) {
        String name = name(model);
        return IMAGE_FAMILIES.stream().anyMatch(name::startsWith)
                || IMAGE_MODELS.contains(DATE_SUFFIX.matcher(name).replaceFirst(""));
    }

    private static String name(String model) {
        return model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
