package sportello.ports.usecase;

import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;

/** Staff take a conversation over or give it back; giving it back also clears the "needs attention" flag. */
public final class ChangingMode implements ChangeMode {

    private final Conversations conversations;
    private final ConversationEvents events;

    public ChangingMode(Conversations conversations, ConversationEvents events) {
        this.conversations = conversations;
        this.events = events;
    }

    @Override
    public Conversation change(ConversationId id, Mode mode) {
        var conversation = conversations.byId(id).orElseThrow(() -> new UnknownConversation(id));
        var changed = conversation.withMode(mode);
        if (mode == Mode.BOT) {
            changed = changed.attentionHandled();
        }
        conversations.save(changed);
        events.changed(id);
        return changed;
    }
}
