package sportello.whatsapp.outbound;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How fast the channel may call Graph: at most {@code messagesPerSecond} calls per business number (sends and read
 * receipts alike, as Meta counts them), and the clock that measures it. Tests pass a clock they move by hand.
 */
public record Pacing(int messagesPerSecond, InstantSource clock) {

    /** Meta's default throughput per number (reference §13); numbers upgraded by Meta may use 1000. */
    public static final int DEFAULT_MESSAGES_PER_SECOND = 80;

    public Pacing {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be at least 1, got " + messagesPerSecond);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** 80 messages per second on the system clock. */
    public static Pacing standard() {
        return new Pacing(DEFAULT_MESSAGES_PER_SECOND, InstantSource.system());
    }
}
