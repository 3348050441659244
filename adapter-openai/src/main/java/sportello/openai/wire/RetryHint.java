package sportello.openai.wire;

import java.time.Duration;
import java.util.Optional;

/**
 * What the server said about trying again: how long to wait ({@code retry-after-ms} or {@code Retry-After}) and
 * whether to retry at all ({@code x-should-retry}, which overrides our own guess). Both may be absent (null).
 */
public record RetryHint(Duration after, Boolean shouldRetry) {

    public static final RetryHint NONE = new RetryHint(null, null);

    public Optional<Duration> afterValue() {
        return Optional.ofNullable(after);
    }

    public Optional<Boolean> shouldRetryValue() {
        return Optional.ofNullable(shouldRetry);
    }
}
