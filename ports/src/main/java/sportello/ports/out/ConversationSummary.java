package sportello.ports.out;

import java.time.Instant;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.domain.customer.Customer;

/** One line of the conversation list. */
public record ConversationSummary(
        ConversationId id,
        Customer customer,
        Mode mode,
        Instant lastMessageAt,
        String lastMessage,
        boolean profileComplete,
        boolean needsAttention) {}
