package sportello.openai;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import sportello.openai.wire.RetryHint;

/**
 * How long to wait before the next attempt, after the official SDKs: the server's hint when it is reasonable,
 * else exponential backoff with jitter so that many chats do not retry in lockstep.
 */
final class RetryPolicy {

    static final int MAX_RETRIES = 3;
    /** A server asking for more than this is not coming back while the customer waits. */
    static final Duration MAX_HINT = Duration.ofSeconds(120);

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(8);

    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1). */
    RetryPolicy(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait before retry number {@code retry} (0 for the first); empty when the server asks too much. */
    Optional<Duration> delay(int retry, RetryHint hint) {
        if (hint.afterValue().isPresent()) {
            Duration asked = hint.after();
            return asked.compareTo(MAX_HINT) > 0 ? Optional.empty() : Optional.of(asked);
        }
        long base = Math.min(INITIAL.toMillis() << Math.min(retry, 16), CAP.toMillis());
        double jitter = 1.0 - 0.25 * random.getAsDouble(); // within [0.75, 1.0]
        return Optional.of(Duration.ofMillis(Math.round(base * jitter)));
    }
}
