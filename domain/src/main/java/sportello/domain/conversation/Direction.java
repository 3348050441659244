package sportello.domain.conversation;

/** Whether a message came from the customer or went to them. */
public enum Direction {
    IN,
    OUT
}
