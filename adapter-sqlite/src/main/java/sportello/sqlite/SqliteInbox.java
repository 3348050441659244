package sportello.sqlite;

import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;

/** The durable inbox in SQLite: a delivery is committed (WAL, synchronous FULL) before its webhook is answered. */
public final class SqliteInbox implements Inbox {

    /** Oldest pending first; served by the partial index {@code inbox_message_pending}. */
    static final String PENDING = "SELECT " + InboxEntryMapper.COLUMNS
            + " FROM inbox_message i JOIN webhook_delivery d ON d.id = i.delivery_id"
            + " WHERE i.state = 'pending' ORDER BY i.id LIMIT :limit";

    private static final InboxEntryMapper ENTRIES = new InboxEntryMapper();

    private final SqliteDatabase database;

    public SqliteInbox(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public int store(RawDelivery delivery, List<CustomerMessage> messages, List<StatusReport> statuses) {
        return database.inWriteTransaction("store the delivery", handle -> {
            long deliveryId = insertDelivery(handle, delivery, null);
            int fresh = insertMessages(handle, deliveryId, messages);
            insertStatuses(handle, deliveryId, statuses);
            return fresh;
        });
    }

    @Override
    public void storeUnreadable(RawDelivery delivery, String reason) {
        database.useWriteTransaction(
                "store the unreadable delivery", handle -> insertDelivery(handle, delivery, reason));
    }

    @Override
    public List<InboxEntry> pending(int limit) {
        return database.inReadTransaction(
                "read the pending inbox",
                handle -> handle.createQuery(PENDING)
                        .bind("limit", limit)
                        .map(ENTRIES)
                        .list());
    }

    @Override
    public void markDone(long entryId) {
        database.useWriteTransaction(
                "mark inbox entry " + entryId + " done",
                handle -> handle.createUpdate("UPDATE inbox_message SET state = 'done' WHERE id = :id")
                        .bind("id", entryId)
                        .execute());
    }

    @Override
    public void markFailed(long entryId, String reason) {
        database.useWriteTransaction(
                "mark inbox entry " + entryId + " failed",
                handle -> handle.createUpdate(
                                "UPDATE inbox_message SET state = 'failed', failure_reason = :reason WHERE id = :id")
                        .bind("id", entryId)
                        .bind("reason", reason)
                        .execute());
    }

    @Override
    public int pendingCount() {
        return database.inReadTransaction("count pending messages", Backlog::pending);
    }

    private static long insertDelivery(Handle handle, RawDelivery delivery, String unreadableReason) {
        return handle.createQuery("INSERT INTO webhook_delivery (channel, body, received_at, unreadable_reason)"
                        + " VALUES (:channel, :body, :receivedAt, :reason) RETURNING id")
                .bind("channel", delivery.channel())
                .bind("body", delivery.body())
                .bind("receivedAt", Timestamps.text(delivery.receivedAt()))
                .bind("reason", unreadableReason)
                .mapTo(Long.class)
                .one();
    }

    /** Inserts the messages not seen before and counts them; a redelivered one hits the unique key and is skipped. */
    private static int insertMessages(Handle handle, long deliveryId, List<CustomerMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        var batch = handle.prepareBatch("INSERT INTO inbox_message (delivery_id, channel_account, channel_message_id,"
                + " customer_key, customer_user_id, customer_phone, customer_display_name, kind, text, sent_at, raw)"
                + " VALUES (:delivery, :account, :channelId, :key, :userId, :phone, :name, :kind, :text, :sentAt,"
                + " :raw)"
                + " ON CONFLICT (channel_account, channel_message_id) DO NOTHING");
        for (CustomerMessage message : messages) {
            var customer = message.customer();
            batch.bind("delivery", deliveryId)
                    .bind("account", message.channelAccount())
                    .bind("channelId", message.channelMessageId())
                    .bind("key", customer.key().value())
                    .bind("userId", customer.userId())
                    .bind("phone", customer.phone())
                    .bind("name", customer.displayName())
                    .bind("kind", message.kind().name())
                    .bind("text", message.text())
                    .bind("sentAt", Timestamps.text(message.sentAt()))
                    .bind("raw", message.raw())
                    .add();
        }
        int fresh = 0;
        for (int inserted : batch.execute()) {
            fresh += inserted;
        }
        return fresh;
    }

    /**
     * Keeps one report per message and state. A repeat is harmless, but may bring the correlation an earlier
     * copy lacked, which is what finds a message whose send answer was lost.
     */
    private static void insertStatuses(Handle handle, long deliveryId, List<StatusReport> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO status_report (delivery_id, channel_account, channel_message_id,"
                + " state, at, failure_reason, correlation)"
                + " VALUES (:delivery, :account, :channelId, :state, :at, :reason, :correlation)"
                + " ON CONFLICT (channel_message_id, state)"
                + " DO UPDATE SET correlation = coalesce(status_report.correlation, excluded.correlation)");
        for (StatusReport status : statuses) {
            batch.bind("delivery", deliveryId)
                    .bind("account", status.channelAccount())
                    .bind("channelId", status.channelMessageId())
                    .bind("state", status.state().name())
                    .bind("at", Timestamps.text(status.at()))
                    .bind("reason", status.failureReason())
                    .bind("correlation", status.correlation())
                    .add();
        }
        batch.execute();
    }
}
