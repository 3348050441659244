package sportello.ports.out;

import sportello.domain.conversation.ConversationId;

/**
 * Driven port: tells whoever watches (the live dashboard) that a conversation changed — a message, a status, the
 * mode, the profile. Must never block or fail the work that reports the change.
 */
public interface ConversationEvents {

    void changed(ConversationId conversation);

    /** Statuses arrived whose conversation is not looked up on the hot path; watchers refresh what they show. */
    void statusesArrived();

    ConversationEvents NONE = new ConversationEvents() {
        @Override
        public void changed(ConversationId conversation) {}

        @Override
        public void statusesArrived() {}
    };
}
