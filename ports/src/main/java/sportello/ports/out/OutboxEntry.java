package sportello.ports.out;

import java.time.Instant;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;

/** An outgoing message waiting to be sent; {@code id} doubles as the correlation the channel echoes back. */
public record OutboxEntry(
        String id, ConversationId conversation, Customer recipient, String text, int attempts, Instant createdAt) {}
