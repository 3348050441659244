package sportello.domain.conversation;

/** Who answers the customer: the bot, or a person on the staff who took the conversation over. */
public enum Mode {
    BOT,
    HUMAN
}
