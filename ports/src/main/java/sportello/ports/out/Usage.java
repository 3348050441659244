package sportello.ports.out;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** What one call to the agent's model consumed; {@code inputTokens} include the cached ones. */
public record Usage(
        String model, long inputTokens, long cachedTokens, long outputTokens, BigDecimal costUsd, Instant at) {
    public Usage {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(at, "at");
    }
}
