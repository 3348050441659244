package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * What the channel reports about a message we sent. {@code correlation} is the value we attached when sending
 * (our outbox id), which lets a report find its message even when the send's own answer was lost. {@code pricing}
 * is what the channel says the message costs, when it says. {@code closesServiceWindow} is set on a failure the
 * channel gave because the customer's service window had closed: from then on only templates may go out.
 */
public record StatusReport(
        String channelAccount,
        String channelMessageId,
        DeliveryState state,
        Instant at,
        String failureReason,
        String correlation,
        Pricing pricing,
        boolean closesServiceWindow) {

    public StatusReport {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (closesServiceWindow && state != DeliveryState.FAILED) {
            throw new IllegalArgumentException("only a failure can say the service window closed, not " + state);
        }
    }

    public StatusReport(
            String channelAccount,
            String channelMessageId,
            DeliveryState state,
            Instant at,
            String failureReason,
            String correlation,
            Pricing pricing) {
        this(channelAccount, channelMessageId, state, at, failureReason, correlation, pricing, false);
    }

    public StatusReport(
            String channelAccount,
            String channelMessageId,
            DeliveryState state,
            Instant at,
            String failureReason,
            String correlation) {
        this(channelAccount, channelMessageId, state, at, failureReason, correlation, null, false);
    }

    public java.util.Optional<Pricing> pricingValue() {
        return java.util.Optional.ofNullable(pricing);
    }
}
