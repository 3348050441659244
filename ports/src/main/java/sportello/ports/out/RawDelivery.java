package sportello.ports.out;

import java.time.Instant;
import java.util.Objects;

/** The exact bytes a channel delivered to us, kept so nothing is lost even if we cannot read them yet. */
public record RawDelivery(String channel, byte[] body, Instant receivedAt) {
    public RawDelivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
