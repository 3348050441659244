package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;
import sportello.domain.customer.Customer;

/**
 * A message staff sent to a customer from outside Sportello, on the same number (e.g. WhatsApp Business app in
 * coexistence mode), as the channel echoes it back: it belongs in the conversation like a dashboard reply.
 */
public record BusinessEcho(
        String channelAccount, String channelMessageId, Customer customer, String text, Instant sentAt) {

    public BusinessEcho {
        Objects.requireNonNull(channelAccount, "channelAccount");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(sentAt, "sentAt");
        text = text == null ? "" : text;
    }
}
