package sportello.ports.usecase;

import java.util.List;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;

/** An inbox on a full disk. */
final class FailingInbox implements Inbox {

    private static StorageUnavailable full() {
        return new StorageUnavailable("disk full", null);
    }

    @Override
    public int store(RawDelivery delivery, List<CustomerMessage> messages, List<StatusReport> statuses) {
        throw full();
    }

    @Override
    public void storeUnreadable(RawDelivery delivery, String reason) {
        throw full();
    }

    @Override
    public List<InboxEntry> pending(int limit) {
        throw full();
    }

    @Override
    public void markDone(long entryId) {
        throw full();
    }

    @Override
    public void markFailed(long entryId, String reason) {
        throw full();
    }

    @Override
    public int pendingCount() {
        throw full();
    }
}
