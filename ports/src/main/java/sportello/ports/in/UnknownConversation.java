package sportello.ports.in;

import sportello.domain.conversation.ConversationId;

/** Asked about a conversation that does not exist. */
public class UnknownConversation extends RuntimeException {
    public UnknownConversation(ConversationId id) {
        super("no conversation with id " + id.value());
    }
}
