package sportello.ports.in;

import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;

/** Driving port: what staff and integrations read. */
public interface QueryConversations {

    List<ConversationSummary> list(ConversationQuery query);

    int count(ConversationQuery query);

    /** Staff opened the conversation: its customer messages are no longer unread. */
    void markSeen(ConversationId id);

    Optional<Conversation> byId(ConversationId id);

    ProfileSchema schema();
}
