package sportello.domain.conversation;

import java.time.Instant;
import sportello.domain.customer.Customer;

/** Customer messages as a channel would deliver them, for tests. */
final class TestMessages {

    static final String BUSINESS_NUMBER = "390212345678";
    static final Instant MONDAY_9AM = Instant.parse("2026-11-16T09:00:00Z");

    private TestMessages() {}

    /** A text message sent on Monday at 9, with a channel id derived from the sender and the text. */
    static CustomerMessage textFrom(String phone, String text) {
        return textFrom(phone, text, MONDAY_9AM);
    }

    static CustomerMessage textFrom(String phone, String text, Instant sentAt) {
        return message(phone, MessageKind.TEXT, text, sentAt, channelIdFor(phone, text, sentAt));
    }

    static CustomerMessage ofKind(MessageKind kind, String phone, String text) {
        return message(phone, kind, text, MONDAY_9AM, channelIdFor(phone, kind + text, MONDAY_9AM));
    }

    /** The same message delivered again by the channel, possibly with a different time stamp. */
    static CustomerMessage redeliveryOf(CustomerMessage original) {
        return new CustomerMessage(
                original.channelAccount(),
                original.channelMessageId(),
                original.customer(),
                original.kind(),
                original.text(),
                original.sentAt().plusSeconds(30),
                original.raw());
    }

    static Customer customer(String phone) {
        return Customer.of(null, phone, null);
    }

    private static CustomerMessage message(String phone, MessageKind kind, String text, Instant sentAt, String id) {
        return new CustomerMessage(BUSINESS_NUMBER, id, customer(phone), kind, text, sentAt, "{}");
    }

    private static String channelIdFor(String phone, String text, Instant sentAt) {
        return "wamid." + phone + "." + sentAt.toEpochMilli() + "." + Integer.toHexString(text.hashCode());
    }
}
