package sportello.ports.in;

import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationSummary;

/** Driving port: what staff and integrations read. */
public interface QueryConversations {

    List<ConversationSummary> list(int limit, int offset);

    Optional<Conversation> byId(ConversationId id);

    ProfileSchema schema();
}
