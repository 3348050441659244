package sportello.ports.out;

import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;

/**
 * Driven port: where conversations are kept. Messages are read back with their delivery status folded from every
 * status report the channel sent, in whatever order those arrived.
 */
public interface Conversations {

    Optional<Conversation> byId(ConversationId id);

    /** Who answers the conversation right now, without loading its messages (checked on every reply). */
    Optional<sportello.domain.conversation.Mode> modeOf(ConversationId id);

    /** The conversation of this customer: matched by user id first, then by phone for older records. */
    Optional<Conversation> byCustomer(Customer customer);

    /**
     * Stores the conversation's customer, mode, attention flag and profile, and adds messages not stored yet.
     * Messages already stored are not rewritten (their delivery state is the outbox's and the channel's).
     */
    void save(Conversation conversation);

    /** Conversations matching the query, the most recent activity first. */
    List<ConversationSummary> summaries(ConversationQuery query);

    /** How many conversations match the query, ignoring its page. */
    int count(ConversationQuery query);

    /**
     * The conversation a message belongs to, found by our id for it or by the channel's id (a status report carries
     * one or both); empty when no stored message has that id.
     */
    Optional<ConversationId> ofMessage(String messageId);

    /** Staff opened the conversation at {@code at}: earlier customer messages no longer count as unread. */
    void markSeenByStaff(ConversationId id, java.time.Instant at);
}
