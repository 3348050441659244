package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;
import sportello.domain.customer.Customer;

/**
 * A message a customer sent on a channel, as the channel delivered it. {@code channelAccount} is the business
 * number it was sent to; {@code channelMessageId} is the channel's own id, unique per account, which makes a
 * redelivery recognisable. {@code raw} keeps the channel's original payload for staff and later parsing.
 */
public record CustomerMessage(
        String channelAccount,
        String channelMessageId,
        Customer customer,
        MessageKind kind,
        String text,
        Instant sentAt,
        String raw) {

    public CustomerMessage {
        Objects.requireNonNull(channelAccount, "channelAccount");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        text = text == null ? "" : text;
        raw = raw == null ? "" : raw;
    }
}
