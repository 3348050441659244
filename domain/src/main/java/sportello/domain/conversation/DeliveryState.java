package sportello.domain.conversation;

/**
 * Where an outgoing message is on its way to the customer. States only move forward: a later report of an
 * earlier state changes nothing.
 */
public enum DeliveryState {
    PENDING(0),
    SENT(1),
    DELIVERED(2),
    READ(3),
    PLAYED(4),
    FAILED(-1);

    private final int rank;

    DeliveryState(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
