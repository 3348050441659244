package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * What the channel reports about a message we sent. {@code correlation} is the value we attached when sending
 * (our outbox id), which lets a report find its message even when the send's own answer was lost. {@code pricing}
 * is what the channel says the message costs, when it says.
 */
public record StatusReport(
        String channelAccount,
        String channelMessageId,
        DeliveryState state,
        Instant at,
        String failureReason,
        String correlation,
        Pricing pricing) {

    public StatusReport {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    public StatusReport(
            String channelAccount,
            String channelMessageId,
            DeliveryState state,
            Instant at,
            String failureReason,
            String correlation) {
        this(channelAccount, channelMessageId, state, at, failureReason, correlation, null);
    }

    public java.util.Optional<Pricing> pricingValue() {
        return java.util.Optional.ofNullable(pricing);
    }
}
