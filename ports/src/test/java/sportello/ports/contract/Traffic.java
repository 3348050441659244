package sportello.ports.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.StatusReport;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.RawDelivery;

/**
 * Drives a storage as Sportello does, for the data protection contracts: a customer's message comes through the
 * inbox into its conversation, our replies go through the outbox, the channel reports on them. Conversations are
 * always read back from the storage, never cached, so what retention deleted stays deleted.
 */
final class Traffic {

    private final Storage storage;
    private final ProfileSchema schema = ProfileSchema.standard();
    private int sequence;

    Traffic(Storage storage) {
        this.storage = storage;
    }

    /** The raw JSON of a message, as the channel would send it; unique per message. */
    private static String raw(String channelId, MessageKind kind, String text) {
        return "{\"id\":\"" + channelId + "\",\"type\":\"" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + "\",\"body\":\"" + text.replace("\"", "\\\"") + "\"}";
    }

    private CustomerMessage message(Customer customer, MessageKind kind, String text, Instant at) {
        String channelId = "wamid.in-" + ++sequence;
        return new CustomerMessage(
                TestMessages.ACCOUNT, channelId, customer, kind, text, at, raw(channelId, kind, text));
    }

    /** Stored in the inbox, not processed yet. */
    CustomerMessage arrives(Customer customer, String text, Instant at) {
        var message = message(customer, MessageKind.TEXT, text, at);
        storage.inbox().store(delivery(message.raw(), at), List.of(message), List.of());
        return message;
    }

    /** Stored in the inbox, added to the conversation (started if new) and marked done. */
    CustomerMessage writes(String conversationId, Customer customer, MessageKind kind, String text, Instant at) {
        var message = message(customer, kind, text, at);
        storage.inbox().store(delivery(message.raw(), at), List.of(message), List.of());
        InboxEntry entry = storage.inbox().pending(1000).stream()
                .filter(e -> e.message().equals(message))
                .findFirst()
                .orElseThrow();
        var id = new ConversationId(conversationId);
        var conversation = storage.conversations().byId(id).orElseGet(() -> Conversation.start(id, customer));
        storage.conversations()
                .save(conversation
                        .receive("m-" + message.channelMessageId(), message, schema)
                        .conversation());
        storage.inbox().markDone(entry.id());
        return message;
    }

    CustomerMessage writes(String conversationId, Customer customer, String text, Instant at) {
        return writes(conversationId, customer, MessageKind.TEXT, text, at);
    }

    /** Queued, not sent. */
    OutboxEntry queues(String conversationId, Author author, String text, Instant at) {
        return storage.outbox().enqueue(new ConversationId(conversationId), author, text, null, at);
    }

    /**
     * Queued, sent and accepted by the channel, which reports it delivered. Claims whatever else is due too, so queue
     * the messages meant to stay queued after the answers.
     */
    OutboxEntry answers(String conversationId, Author author, String text, Instant at) {
        var entry = queues(conversationId, author, text, at);
        storage.outbox().claimDue(at, 1000);
        String channelId = "wamid.out-" + ++sequence;
        storage.outbox().accepted(entry.id(), channelId);
        reports(new StatusReport(
                TestMessages.ACCOUNT, channelId, DeliveryState.DELIVERED, at.plusSeconds(1), null, entry.id()));
        return entry;
    }

    void reports(StatusReport report) {
        storage.inbox().store(delivery("{\"statuses\":[]}", report.at()), List.of(), List.of(report));
    }

    void flags(String conversationId, String reason, Instant at) {
        var conversation =
                storage.conversations().byId(new ConversationId(conversationId)).orElseThrow();
        storage.conversations().save(conversation.flagForStaff(reason, at));
    }

    private static RawDelivery delivery(String body, Instant at) {
        return new RawDelivery("whatsapp", body.getBytes(StandardCharsets.UTF_8), at);
    }
}
