package sportello.domain.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer-service window: free-form replies are allowed for 24 hours after the customer's last message;
 * after that only pre-approved templates may be sent.
 */
public record ServiceWindow(Instant closesAt) {

    public static final Duration LENGTH = Duration.ofHours(24);

    public static Optional<ServiceWindow> after(Optional<Instant> lastInboundAt) {
        return lastInboundAt.map(at -> new ServiceWindow(at.plus(LENGTH)));
    }

    /**
     * The window the customer's last message opened, closed early at {@code closedByChannel} when the channel
     * refused a free-form message after that message.
     */
    public static Optional<ServiceWindow> after(Optional<Instant> lastInboundAt, Optional<Instant> closedByChannel) {
        return after(lastInboundAt)
                .map(window -> closedByChannel
                        .filter(closed -> !closed.isBefore(lastInboundAt.get()) && closed.isBefore(window.closesAt()))
                        .map(ServiceWindow::new)
                        .orElse(window));
    }

    public boolean isOpenAt(Instant now) {
        return now.isBefore(closesAt);
    }

    public Duration remainingAt(Instant now) {
        return isOpenAt(now) ? Duration.between(now, closesAt) : Duration.ZERO;
    }
}
