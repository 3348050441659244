package sportello.openai.wire;

import java.util.Objects;

/**
 * What one answered request consumed, as the response's {@code usage} says: {@code inputTokens} include
 * {@code cachedTokens}, {@code outputTokens} include reasoning. {@code model} is the dated snapshot that answered
 * (e.g. {@code gpt-4.1-mini-2025-04-14}), or the model asked for when the response does not say.
 */
public record Consumption(String model, long inputTokens, long cachedTokens, long outputTokens, int fileSearchCalls) {

    public Consumption {
        Objects.requireNonNull(model, "model");
    }
}
