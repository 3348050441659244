package sportello.domain.conversation;

/**
 * What a customer sent. Kinds the bot cannot answer meaningfully (reactions, system notices) never start an agent
 * turn; anything a channel does not know becomes {@link #UNSUPPORTED} and is kept, never dropped.
 */
public enum MessageKind {
    TEXT(true),
    IMAGE(true),
    AUDIO(true),
    VIDEO(true),
    DOCUMENT(true),
    STICKER(false),
    LOCATION(true),
    CONTACTS(true),
    BUTTON_REPLY(true),
    REACTION(false),
    /** The customer changed the text of an earlier message; the new text is kept beside the original. */
    EDIT(false),
    /** The customer deleted an earlier message for everyone; staff still see what it said. */
    DELETION(false),
    SYSTEM(false),
    UNSUPPORTED(true),
    /** A pre-approved template the business sent; only ever outbound. */
    TEMPLATE(false);

    private final boolean startsAgentTurn;

    MessageKind(boolean startsAgentTurn) {
        this.startsAgentTurn = startsAgentTurn;
    }

    public boolean startsAgentTurn() {
        return startsAgentTurn;
    }
}
