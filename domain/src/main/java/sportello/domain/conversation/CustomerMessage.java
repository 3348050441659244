package sportello.domain.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sportello.domain.customer.Customer;

/**
 * A message a customer sent on a channel, as the channel delivered it. {@code channelAccount} is the business
 * number it was sent to; {@code channelMessageId} is the channel's own id, unique per account, which makes a
 * redelivery recognisable. {@code raw} keeps the channel's original payload for staff and later parsing.
 * {@code attachment} is the file that came with it, if any; {@code refersTo} the channel id of the message it is
 * about (the one it edits, deletes, reacts to or quotes), if any.
 */
public record CustomerMessage(
        String channelAccount,
        String channelMessageId,
        Customer customer,
        MessageKind kind,
        String text,
        Instant sentAt,
        String raw,
        Attachment attachment,
        String refersTo) {

    public CustomerMessage {
        Objects.requireNonNull(channelAccount, "channelAccount");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        text = text == null ? "" : text;
        raw = raw == null ? "" : raw;
        refersTo = refersTo == null || refersTo.isBlank() ? null : refersTo;
    }

    public CustomerMessage(
            String channelAccount,
            String channelMessageId,
            Customer customer,
            MessageKind kind,
            String text,
            Instant sentAt,
            String raw,
            Attachment attachment) {
        this(channelAccount, channelMessageId, customer, kind, text, sentAt, raw, attachment, null);
    }

    public CustomerMessage(
            String channelAccount,
            String channelMessageId,
            Customer customer,
            MessageKind kind,
            String text,
            Instant sentAt,
            String raw) {
        this(channelAccount, channelMessageId, customer, kind, text, sentAt, raw, null, null);
    }

    public Optional<String> refersToValue() {
        return Optional.ofNullable(refersTo);
    }

    public Optional<Attachment> attachmentValue() {
        return Optional.ofNullable(attachment);
    }
}
