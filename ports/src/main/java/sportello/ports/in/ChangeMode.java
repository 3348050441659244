package sportello.ports.in;

import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;

/** Driving port: staff take a conversation over, or give it back to the bot. */
public interface ChangeMode {
    Conversation change(ConversationId conversation, Mode mode);
}
