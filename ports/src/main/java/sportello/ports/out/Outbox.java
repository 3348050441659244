package sportello.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.TemplateMessage;

/**
 * Driven port: the durable outbox. Each outgoing message is recorded before it is sent and its sending state is
 * tracked, so that after a crash nothing is lost and nothing Meta accepted is sent again.
 */
public interface Outbox {

    /**
     * Records an outgoing message in the conversation and queues it. With {@code inReplyTo} set (the id of the
     * customer message it answers) enqueuing is idempotent: a second call returns the first entry.
     */
    OutboxEntry enqueue(ConversationId conversation, Author author, String text, String inReplyTo, Instant at);

    /**
     * Records a template message in the conversation and queues it; {@code text} is how it shows there (the
     * template's text with its values, or {@link TemplateMessage#preview()}). Claimed entries carry the template.
     */
    OutboxEntry enqueueTemplate(
            ConversationId conversation, Author author, TemplateMessage template, String text, Instant at);

    /**
     * Records a message that was already sent outside Sportello (staff on the WhatsApp Business app), so it shows
     * in the conversation as accepted by the channel and is never sent by us. A second call with the same channel
     * message id changes nothing. Returns whether it was new.
     */
    boolean recordSent(ConversationId conversation, Author author, String text, String channelMessageId, Instant at);

    /** Whether an answer to this customer message was already queued. */
    boolean hasReplyTo(String inReplyTo);

    /**
     * Takes queued entries that are due and marks them as being sent, so no other worker sends them too. An entry
     * of a conversation that has an entry being sent is not taken until that one is done, so senders working side by
     * side keep each conversation's messages in order.
     */
    List<OutboxEntry> claimDue(Instant now, int limit);

    /** The channel accepted the message under this id. */
    void accepted(String entryId, String channelMessageId);

    /** A try failed in a way that is safe to repeat; try again at {@code at}. */
    void retryAt(String entryId, Instant at, String error);

    /**
     * We do not know whether the channel accepted the message (e.g. the answer was lost). It is not sent again
     * before {@code recheckAt}, and not at all if a status report shows that the channel has it.
     */
    void inDoubt(String entryId, Instant recheckAt, String error);

    /** The message will not be delivered; the reason is shown to staff. */
    void failed(String entryId, String reason);

    /** Entries left "being sent" by a previous run that stopped mid-send. */
    List<OutboxEntry> interruptedSends();

    /** The channel's id for an entry, known from a status report that carried the entry's correlation. */
    Optional<String> channelIdFromStatusReports(String entryId);

    /** Outgoing messages neither accepted by the channel nor given up on. */
    int unsentCount();
}
