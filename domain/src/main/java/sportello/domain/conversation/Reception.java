package sportello.domain.conversation;

/** What a customer message leads to once the conversation has taken it in. */
public sealed interface Reception {

    Conversation conversation();

    /** The bot should answer this message. */
    record BotAnswers(Conversation conversation, Message message) implements Reception {}

    /** Stored; a person is handling the conversation, so the bot stays silent. */
    record StaffAnswers(Conversation conversation, Message message) implements Reception {}

    /** Stored; the kind of message (a reaction, a system notice) asks for no answer. */
    record NoAnswerNeeded(Conversation conversation, Message message) implements Reception {}

    /** The channel delivered this message before; nothing changed. */
    record AlreadySeen(Conversation conversation, Message message) implements Reception {}
}
