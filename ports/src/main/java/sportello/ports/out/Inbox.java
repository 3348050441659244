package sportello.ports.out;

import java.util.List;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;

/**
 * Driven port: the durable inbox. A delivery is committed before the channel gets its acknowledgement; work is
 * taken from here, so a crash at any point loses nothing and a restart finishes what was pending.
 */
public interface Inbox {

    /**
     * Stores a delivery and the events read from it in one transaction. A message already stored (same channel
     * account and message id) is ignored, so redeliveries are harmless. Status reports are kept as they come,
     * also for messages we have not recorded yet.
     *
     * @return how many messages were new
     * @throws StorageUnavailable when nothing could be stored, so the channel must deliver again
     */
    int store(RawDelivery delivery, List<CustomerMessage> messages, List<StatusReport> statuses);

    /** Keeps a signed delivery we cannot read, for staff and later reprocessing. */
    void storeUnreadable(RawDelivery delivery, String reason);

    /** Messages stored but not processed yet, oldest first. */
    List<InboxEntry> pending(int limit);

    /** The message has been handled (answered, or deliberately left unanswered). */
    void markDone(long entryId);

    /** The message could not be handled; it stays visible for staff instead of being retried forever. */
    void markFailed(long entryId, String reason);

    /** Messages stored but not handled yet. */
    int pendingCount();
}
