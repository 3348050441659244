package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One message of a conversation, in either direction. */
public record Message(
        String id,
        String channelMessageId,
        Direction direction,
        Author author,
        MessageKind kind,
        String text,
        Instant at,
        Delivery delivery) {

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

    public static Message inbound(String id, CustomerMessage message) {
        return new Message(
                id,
                message.channelMessageId(),
                Direction.IN,
                Author.CUSTOMER,
                message.kind(),
                message.text(),
                message.sentAt(),
                new Delivery(DeliveryState.DELIVERED, null));
    }

    public static Message outbound(String id, Author author, String text, Instant at) {
        return new Message(id, null, Direction.OUT, author, MessageKind.TEXT, text, at, Delivery.PENDING);
    }

    public Optional<String> channelMessageIdValue() {
        return Optional.ofNullable(channelMessageId);
    }

    public Message withDelivery(Delivery newDelivery) {
        return new Message(id, channelMessageId, direction, author, kind, text, at, newDelivery);
    }

    public Message acceptedAs(String newChannelMessageId) {
        return new Message(id, newChannelMessageId, direction, author, kind, text, at, delivery);
    }
}
