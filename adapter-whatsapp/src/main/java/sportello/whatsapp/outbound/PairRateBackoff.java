package sportello.whatsapp.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import sportello.domain.customer.CustomerKey;

/**
 * Meta's pair rate (error 131056: too many messages to one customer in a short time) is handled per customer: after
 * the n-th consecutive hit that customer waits 4^n seconds (1, 4, 16, 64, then 256 at most) while everyone else is
 * served as usual. A message the customer's pair accepts resets n.
 */
final class PairRateBackoff {

    static final Duration LONGEST = Duration.ofSeconds(256);

    /** A customer not written to for this long starts again at 1 s; it also keeps the map small. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final InstantSource clock;
    private final Map<CustomerKey, Hits> hits = new HashMap<>();

    PairRateBackoff(InstantSource clock) {
        this.clock = clock;
    }

    /** How long sends to this customer must still wait; empty when they may go now. */
    synchronized Optional<Duration> remaining(CustomerKey customer) {
        Hits current = hits.get(customer);
        Instant now = clock.instant();
        if (current == null || !current.until().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.until()));
    }

    /** Records a 131056 for this customer and returns how long they now wait. */
    synchronized Duration hit(CustomerKey customer) {
        Instant now = clock.instant();
        hits.values().removeIf(old -> old.until().plus(FORGET_AFTER).isBefore(now));
        int previous = hits.containsKey(customer) ? hits.get(customer).count() : 0;
        Duration wait = backoff(previous);
        hits.put(customer, new Hits(previous + 1, now.plus(wait)));
        return wait;
    }

    synchronized void accepted(CustomerKey customer) {
        hits.remove(customer);
    }

    /** 4^n seconds for the (n+1)-th hit in a row: 1, 4, 16, 64, 256, 256, … */
    static Duration backoff(int previousHits) {
        return Duration.ofSeconds(1L << (2 * Math.min(previousHits, 4)));
    }

    private record Hits(int count, Instant until) {}
}
