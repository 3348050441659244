package sportello.domain.conversation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery status of a message, folded from the channel's status reports. The highest of
 * sent &lt; delivered &lt; read &lt; played wins whatever order the reports arrive in; a failure replaces only
 * pending or sent, otherwise it is kept beside the better state as a note.
 */
public record Delivery(DeliveryState state, String failureReason) {

    public static final Delivery PENDING = new Delivery(DeliveryState.PENDING, null);

    private static final Comparator<StatusReport> HAPPENED = Comparator.comparing(StatusReport::at)
            .thenComparing(StatusReport::state)
            .thenComparing(StatusReport::failureReason, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Delivery {
        Objects.requireNonNull(state, "state");
    }

    public static Delivery failed(String reason) {
        return new Delivery(DeliveryState.FAILED, reason);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failureReason);
    }

    /**
     * Applies one report; idempotent and order-independent for the state, which is the highest of pending &lt;
     * sent &lt; failed &lt; delivered &lt; read &lt; played. A failure's reason is kept; a later failure's reason
     * replaces an earlier one.
     */
    public Delivery advance(DeliveryState reported, String reason) {
        if (reported == DeliveryState.FAILED) {
            if (state == DeliveryState.PENDING || state == DeliveryState.SENT || state == DeliveryState.FAILED) {
                return new Delivery(DeliveryState.FAILED, reason != null ? reason : failureReason);
            }
            return new Delivery(state, reason != null ? reason : failureReason);
        }
        if (state == DeliveryState.FAILED) {
            // a failure after "sent" loses to any later positive report (multi-device), but not to "sent"
            return reported.rank() > DeliveryState.SENT.rank() ? new Delivery(reported, failureReason) : this;
        }
        return reported.rank() > state.rank() ? new Delivery(reported, failureReason) : this;
    }

    /**
     * Folds any number of reports, in any order, into one status. Reports are applied in the order they happened
     * (ties broken by state and reason), so even the failure reason kept does not depend on arrival order.
     */
    public static Delivery fold(Delivery start, Collection<StatusReport> reports) {
        Delivery result = start;
        for (StatusReport report : reports.stream().sorted(HAPPENED).toList()) {
            result = result.advance(report.state(), report.failureReason());
        }
        return result;
    }
}
