package sportello.domain.conversation;

/** Who wrote a message. */
public enum Author {
    CUSTOMER,
    BOT,
    STAFF
}
