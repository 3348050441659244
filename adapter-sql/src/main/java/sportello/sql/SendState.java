package sportello.sql;

import sportello.domain.conversation.Delivery;
import sportello.domain.conversation.DeliveryState;

/** Where an outbound message is in the outbox, as stored in {@code message.send_state}. */
public enum SendState {
    QUEUED("queued"),
    SENDING("sending"),
    IN_DOUBT("in_doubt"),
    ACCEPTED("accepted"),
    FAILED("failed");

    public final String sql;

    SendState(String sql) {
        this.sql = sql;
    }

    public static SendState of(String sql) {
        for (SendState state : values()) {
            if (state.sql.equals(sql)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown send state '" + sql + "'");
    }

    /** The delivery our own bookkeeping knows of, before the channel's status reports are folded in. */
    public Delivery baseDelivery(String failureReason) {
        return switch (this) {
            case QUEUED, SENDING, IN_DOUBT -> Delivery.PENDING;
            case ACCEPTED -> new Delivery(DeliveryState.SENT, null);
            case FAILED -> Delivery.failed(failureReason);
        };
    }
}
