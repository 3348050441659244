package sportello.ports.in;

import sportello.domain.conversation.ConversationId;
import sportello.ports.out.OutboxEntry;

/**
 * Driving port: send a text to a customer from a script or another system, by phone number (any common format)
 * or business-scoped user id. It goes through the durable outbox and shows in the dashboard as a staff message.
 */
public interface SendToCustomer {

    Outcome send(String to, String text);

    sealed interface Outcome {

        record Queued(ConversationId conversation, OutboxEntry entry) implements Outcome {}

        /** Nothing was queued; {@code reason} says why and what to do instead. */
        record Refused(String reason) implements Outcome {}
    }
}
