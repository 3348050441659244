package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * What the channel reports about a message we sent. {@code correlation} is the value we attached when sending
 * (our outbox id), which lets a report find its message even when the send's own answer was lost.
 */
public record StatusReport(
        String channelAccount,
        String channelMessageId,
        DeliveryState state,
        Instant at,
        String failureReason,
        String correlation) {

    public StatusReport {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
