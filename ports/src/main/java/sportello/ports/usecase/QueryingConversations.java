package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;

/** Reads conversations for staff and integrations. */
public final class QueryingConversations implements QueryConversations {

    private final Conversations conversations;
    private final ProfileSchema schema;
    private final InstantSource clock;
    private final ConversationEvents events;

    public QueryingConversations(
            Conversations conversations, ProfileSchema schema, InstantSource clock, ConversationEvents events) {
        this.conversations = conversations;
        this.schema = schema;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public List<ConversationSummary> list(ConversationQuery query) {
        return conversations.summaries(query);
    }

    @Override
    public int count(ConversationQuery query) {
        return conversations.count(query);
    }

    @Override
    public void markSeen(ConversationId id) {
        conversations.byId(id).orElseThrow(() -> new UnknownConversation(id));
        conversations.markSeenByStaff(id, clock.instant());
        events.changed(id);
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
