package sportello.ports.out;

import java.time.Instant;
import java.util.Optional;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;

/**
 * An outgoing message waiting to be sent; {@code id} doubles as the correlation the channel echoes back. A
 * {@code template} is sent as that template; {@code text} is then only how it shows in the conversation.
 */
public record OutboxEntry(
        String id,
        ConversationId conversation,
        Customer recipient,
        String text,
        int attempts,
        Instant createdAt,
        TemplateMessage template) {

    public OutboxEntry(
            String id, ConversationId conversation, Customer recipient, String text, int attempts, Instant createdAt) {
        this(id, conversation, recipient, text, attempts, createdAt, null);
    }

    public Optional<TemplateMessage> templateValue() {
        return Optional.ofNullable(template);
    }
}
