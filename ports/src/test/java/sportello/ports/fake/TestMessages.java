package sportello.ports.fake;

import java.time.Instant;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.StatusReport;
import sportello.domain.customer.Customer;

/** Named test data: customers and what they send. */
public final class TestMessages {

    public static final String ACCOUNT = "106540352242922";
    public static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private TestMessages() {}

    public static Customer giulia() {
        return Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    }

    public static Customer marco() {
        return Customer.of("IT.6543210987654321", "393387654321", "Marco Bianchi");
    }

    /** A username user: no phone number shared. */
    public static Customer chiara() {
        return Customer.of("IT.2468013579246801", null, "Chiara");
    }

    public static CustomerMessage text(Customer from, String channelMessageId, String text, Instant at) {
        return new CustomerMessage(ACCOUNT, channelMessageId, from, MessageKind.TEXT, text, at, "{}");
    }

    public static CustomerMessage text(Customer from, String channelMessageId, String text) {
        return text(from, channelMessageId, text, T0);
    }

    /** A photo with a caption, its file published under {@code mediaId}. */
    public static CustomerMessage photo(Customer from, String channelMessageId, String mediaId, String caption) {
        return new CustomerMessage(
                ACCOUNT,
                channelMessageId,
                from,
                sportello.domain.conversation.MessageKind.IMAGE,
                caption,
                T0,
                "{}",
                new sportello.domain.conversation.Attachment(mediaId, "image/jpeg", null));
    }

    public static CustomerMessage reaction(Customer from, String channelMessageId, String emoji) {
        return new CustomerMessage(ACCOUNT, channelMessageId, from, MessageKind.REACTION, emoji, T0, "{}");
    }

    public static StatusReport status(String channelMessageId, DeliveryState state, String correlation) {
        return new StatusReport(
                ACCOUNT,
                channelMessageId,
                state,
                T0,
                state == DeliveryState.FAILED ? "131026 undeliverable" : null,
                correlation);
    }
}
