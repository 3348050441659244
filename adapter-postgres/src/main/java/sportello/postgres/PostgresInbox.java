package sportello.postgres;

import java.util.List;
import java.util.Objects;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.sql.Backlog;
import sportello.sql.InboxEntryMapper;
import sportello.sql.IncomingDelivery;

/**
 * The durable inbox in PostgreSQL: a delivery is committed before its webhook is answered. Each store is its own
 * transaction; PostgreSQL itself lets commits that arrive together share one WAL flush, so no Java-side group commit.
 * Stores and {@link #pendingCount} (a part of {@code /health}) run on the urgent pool, never behind the lanes' work.
 *
 * <p>Several instances read the same inbox. {@link #pending} hands an instance only the messages of customers it holds
 * a lease on ({@link CustomerLeases}), so a customer's messages are processed by one instance at a time.
 */
public final class PostgresInbox implements Inbox {

    private static final InboxEntryMapper ENTRIES = new InboxEntryMapper();

    private final PostgresDatabase database;

    public PostgresInbox(PostgresDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Returns once the delivery is committed. A message stored before, by any instance, is not stored again. */
    @Override
    public int store(RawDelivery delivery, List<CustomerMessage> messages, List<StatusReport> statuses) {
        var incoming = IncomingDelivery.read(delivery, messages, statuses);
        return database.inWriteTransaction(
                "store the delivery", PostgresDatabase.Commit.URGENT, handle -> DeliveryRows.insert(handle, incoming));
    }

    @Override
    public void storeUnreadable(RawDelivery delivery, String reason) {
        var incoming = IncomingDelivery.unreadable(delivery, reason);
        database.useWriteTransaction(
                "store the delivery", PostgresDatabase.Commit.URGENT, handle -> DeliveryRows.insert(handle, incoming));
    }

    /**
     * The oldest pending messages of the customers this instance holds a lease on, taking the leases of customers
     * nobody alive holds. Messages of customers another live instance holds are left to it. Leases left on customers
     * with nothing pending (this instance's, or a dead one's) are given back on the way.
     */
    @Override
    public List<InboxEntry> pending(int limit) {
        int me = database.liveInstance();
        return database.inWriteTransaction("read the pending inbox", PostgresDatabase.Commit.BUFFERED, handle -> {
            var customers = CustomerLeases.take(handle, me, limit);
            CustomerLeases.releaseLeftOver(handle, me);
            if (customers.isEmpty()) {
                return List.of();
            }
            return handle.createQuery("SELECT " + InboxEntryMapper.COLUMNS
                            + " FROM inbox_message i JOIN webhook_delivery d ON d.id = i.delivery_id"
                            + " WHERE i.state = 'pending' AND i.customer_key = ANY(:customers)"
                            + " ORDER BY i.id LIMIT :limit")
                    .bindArray("customers", String.class, customers)
                    .bind("limit", limit)
                    .map(ENTRIES)
                    .list();
        });
    }

    @Override
    public void markDone(long entryId) {
        int me = database.liveInstance();
        database.useWriteTransaction(
                "mark inbox entry " + entryId + " done",
                PostgresDatabase.Commit.BUFFERED,
                handle -> handle.createQuery(
                                "UPDATE inbox_message SET state = 'done' WHERE id = :id RETURNING customer_key")
                        .bind("id", entryId)
                        .mapTo(String.class)
                        .findOne()
                        .ifPresent(customer -> CustomerLeases.releaseIfDone(handle, me, customer)));
    }

    @Override
    public void markFailed(long entryId, String reason) {
        int me = database.liveInstance();
        database.useWriteTransaction(
                "mark inbox entry " + entryId + " failed",
                PostgresDatabase.Commit.BUFFERED,
                handle -> handle.createQuery(
                                "UPDATE inbox_message SET state = 'failed', failure_reason = :reason WHERE id = :id"
                                        + " RETURNING customer_key")
                        .bind("id", entryId)
                        .bind("reason", reason)
                        .mapTo(String.class)
                        .findOne()
                        .ifPresent(customer -> CustomerLeases.releaseIfDone(handle, me, customer)));
    }

    @Override
    public int pendingCount() {
        return database.readOneStatement("count pending messages", PostgresDatabase.Pool.URGENT, Backlog::pending);
    }
}
