package sportello.ports.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.StorageUnavailable;

/**
 * An outbox whose database is too busy to record the next {@code busyAccepts} accepted sends, or to answer the next
 * {@code busyReads} questions about status reports.
 */
final class BusyOutbox implements Outbox {

    private final Outbox real;
    private int busyAccepts;
    private int busyReads;

    BusyOutbox(Outbox real, int busyAccepts, int busyReads) {
        this.real = real;
        this.busyAccepts = busyAccepts;
        this.busyReads = busyReads;
    }

    @Override
    public synchronized void accepted(String entryId, String channelMessageId) {
        if (busyAccepts > 0) {
            busyAccepts--;
            throw new StorageUnavailable("the database has been busy for 5 s", null);
        }
        real.accepted(entryId, channelMessageId);
    }

    @Override
    public OutboxEntry enqueue(ConversationId conversation, Author author, String text, String inReplyTo, Instant at) {
        return real.enqueue(conversation, author, text, inReplyTo, at);
    }

    @Override
    public OutboxEntry enqueueTemplate(
            ConversationId conversation, Author author, TemplateMessage template, String text, Instant at) {
        return real.enqueueTemplate(conversation, author, template, text, at);
    }

    @Override
    public boolean recordSent(
            ConversationId conversation, Author author, String text, String channelMessageId, Instant at) {
        return real.recordSent(conversation, author, text, channelMessageId, at);
    }

    @Override
    public boolean hasReplyTo(String inReplyTo) {
        return real.hasReplyTo(inReplyTo);
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit) {
        return real.claimDue(now, limit);
    }

    @Override
    public void retryAt(String entryId, Instant at, String error) {
        real.retryAt(entryId, at, error);
    }

    @Override
    public void inDoubt(String entryId, Instant recheckAt, String error) {
        real.inDoubt(entryId, recheckAt, error);
    }

    @Override
    public void failed(String entryId, String reason) {
        real.failed(entryId, reason);
    }

    @Override
    public List<OutboxEntry> interruptedSends() {
        return real.interruptedSends();
    }

    @Override
    public synchronized Optional<String> channelIdFromStatusReports(String entryId) {
        if (busyReads > 0) {
            busyReads--;
            throw new StorageUnavailable("the database has been busy for 5 s", null);
        }
        return real.channelIdFromStatusReports(entryId);
    }

    @Override
    public int unsentCount() {
        return real.unsentCount();
    }
}
