package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One message of a conversation, in either direction; {@code attachment} is the file a customer sent with it. */
public record Message(
        String id,
        String channelMessageId,
        Direction direction,
        Author author,
        MessageKind kind,
        String text,
        Instant at,
        Delivery delivery,
        Attachment attachment) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(delivery, "delivery");
        text = text == null ? "" : text;
        if ((direction == Direction.IN) != (author == Author.CUSTOMER)) {
            throw new IllegalArgumentException(
                    "only customers write inbound messages, got " + author + " " + direction);
        }
    }

    public Message(
            String id,
            String channelMessageId,
            Direction direction,
            Author author,
            MessageKind kind,
            String text,
            Instant at,
            Delivery delivery) {
        this(id, channelMessageId, direction, author, kind, text, at, delivery, null);
    }

    public static Message inbound(String id, CustomerMessage message) {
        return new Message(
                id,
                message.channelMessageId(),
                Direction.IN,
                Author.CUSTOMER,
                message.kind(),
                message.text(),
                message.sentAt(),
                new Delivery(DeliveryState.DELIVERED, null),
                message.attachment());
    }

    public static Message outbound(String id, Author author, String text, Instant at) {
        return new Message(id, null, Direction.OUT, author, MessageKind.TEXT, text, at, Delivery.PENDING);
    }

    /** A template the business sent; {@code text} is what it says, as far as we know it. */
    public static Message outboundTemplate(String id, Author author, String text, Instant at) {
        return new Message(id, null, Direction.OUT, author, MessageKind.TEMPLATE, text, at, Delivery.PENDING);
    }

    public Optional<Attachment> attachmentValue() {
        return Optional.ofNullable(attachment);
    }

    public Optional<String> channelMessageIdValue() {
        return Optional.ofNullable(channelMessageId);
    }

    public Message withDelivery(Delivery newDelivery) {
        return new Message(id, channelMessageId, direction, author, kind, text, at, newDelivery, attachment);
    }

    public Message acceptedAs(String newChannelMessageId) {
        return new Message(id, newChannelMessageId, direction, author, kind, text, at, delivery, attachment);
    }
}
