package sportello.ports.out;

import java.time.Instant;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.domain.customer.Customer;

/**
 * One line of the conversation list. {@code name} is the name the customer gave (profile) or else the channel's
 * display name; {@code unread} counts customer messages after staff last opened the conversation.
 */
public record ConversationSummary(
        ConversationId id,
        Customer customer,
        String name,
        Mode mode,
        Instant lastMessageAt,
        String lastMessage,
        Instant lastInboundAt,
        boolean profileComplete,
        boolean needsAttention,
        String attentionReason,
        int unread,
        Instant windowClosedAt) {

    public ConversationSummary(
            ConversationId id,
            Customer customer,
            String name,
            Mode mode,
            Instant lastMessageAt,
            String lastMessage,
            Instant lastInboundAt,
            boolean profileComplete,
            boolean needsAttention,
            String attentionReason,
            int unread) {
        this(
                id,
                customer,
                name,
                mode,
                lastMessageAt,
                lastMessage,
                lastInboundAt,
                profileComplete,
                needsAttention,
                attentionReason,
                unread,
                null);
    }

    /** The customer-service window, as {@link sportello.domain.conversation.Conversation#serviceWindow()}. */
    public java.util.Optional<sportello.domain.conversation.ServiceWindow> serviceWindow() {
        return sportello.domain.conversation.ServiceWindow.after(
                java.util.Optional.ofNullable(lastInboundAt), java.util.Optional.ofNullable(windowClosedAt));
    }
}
