package sportello.whatsapp.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A token bucket for one business number, holding one second's worth of calls and refilled continuously. Written as
 * the equivalent "theoretical arrival time" (GCRA) so that it is exact in integer nanoseconds and needs no timer.
 */
final class ThroughputLimit {

    private final InstantSource clock;
    private final int capacity;
    private final Duration interval;
    private final Duration burst;
    private Instant nextFree = Instant.MIN;

    ThroughputLimit(int perSecond, InstantSource clock) {
        this.clock = clock;
        this.capacity = perSecond;
        this.interval = Duration.ofSeconds(1).dividedBy(perSecond);
        this.burst = interval.multipliedBy(perSecond);
    }

    /**
     * Takes {@code calls} tokens, or none and says how long until there are enough. A batch bigger than the bucket
     * (a very long text split in many parts) goes when the bucket is full and leaves it in debt, so it is never
     * refused forever and the debt slows the calls after it.
     */
    synchronized Optional<Duration> take(int calls) {
        Instant now = clock.instant();
        Instant start = nextFree.isBefore(now) ? now : nextFree;
        Instant allowedAt =
                start.plus(interval.multipliedBy(Math.min(calls, capacity))).minus(burst);
        if (allowedAt.isAfter(now)) {
            return Optional.of(Duration.between(now, allowedAt));
        }
        nextFree = start.plus(interval.multipliedBy(calls));
        return Optional.empty();
    }
}
