package sportello.ports.usecase;

import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.in.QueryConversations;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;

/** Reads conversations for staff and integrations. */
public final class QueryingConversations implements QueryConversations {

    private final Conversations conversations;
    private final ProfileSchema schema;

    public QueryingConversations(Conversations conversations, ProfileSchema schema) {
        this.conversations = conversations;
        this.schema = schema;
    }

    @Override
    public List<ConversationSummary> list(int limit, int offset) {
        return conversations.summaries(Math.clamp(limit, 1, 500), Math.max(offset, 0));
    }

    @Override
    public Optional<Conversation> byId(ConversationId id) {
        return conversations.byId(id);
    }

    @Override
    public ProfileSchema schema() {
        return schema;
    }
}
