package sportello.sqlite;

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
 * The durable inbox in SQLite: a delivery is committed (WAL, synchronous FULL) before its webhook is answered.
 * Deliveries stored at the same time share one commit (see {@link GroupCommit}): a durable commit costs an fsync
 * of several milliseconds, far more than writing a delivery's rows. Marking an entry done or failed is a buffered
 * commit ({@link SqliteDatabase.Commit#BUFFERED}): a power loss may bring the entry back as pending, and the worker
 * processes it again without answering twice.
 */
public final class SqliteInbox implements Inbox {

    /**
     * Most deliveries per shared commit: enough to absorb a burst of webhooks, small enough that the transaction
     * (a few milliseconds of inserts) keeps the write turn only briefly from the other writers.
     */
    static final int MAX_DELIVERIES_PER_COMMIT = 256;

    /** Oldest pending first; served by the partial index {@code inbox_message_pending}. */
    static final String PENDING = "SELECT " + InboxEntryMapper.COLUMNS
            + " FROM inbox_message i JOIN webhook_delivery d ON d.id = i.delivery_id"
            + " WHERE i.state = 'pending' ORDER BY i.id LIMIT :limit";

    private static final InboxEntryMapper ENTRIES = new InboxEntryMapper();

    private final SqliteDatabase database;
    private final GroupCommit<IncomingDelivery, Integer> stores;

    public SqliteInbox(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
        this.stores = new GroupCommit<>(
                database,
                SqliteDatabase.Commit.URGENT,
                "store the delivery",
                MAX_DELIVERIES_PER_COMMIT,
                DeliveryRows::insert);
    }

    /**
     * Returns once the delivery is committed, possibly together with deliveries stored at the same time. A message
     * repeated among those is stored once, and counted as new only for the delivery that stored it.
     */
    @Override
    public int store(RawDelivery delivery, List<CustomerMessage> messages, List<StatusReport> statuses) {
        return stores.submit(IncomingDelivery.read(delivery, messages, statuses));
    }

    /** Also answers a webhook, so it shares commits with {@link #store} the same way. */
    @Override
    public void storeUnreadable(RawDelivery delivery, String reason) {
        stores.submit(IncomingDelivery.unreadable(delivery, reason));
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
                SqliteDatabase.Commit.BUFFERED,
                handle -> handle.createUpdate("UPDATE inbox_message SET state = 'done' WHERE id = :id")
                        .bind("id", entryId)
                        .execute());
    }

    @Override
    public void markFailed(long entryId, String reason) {
        database.useWriteTransaction(
                "mark inbox entry " + entryId + " failed",
                SqliteDatabase.Commit.BUFFERED,
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

    /** The commits {@link #store} and {@link #storeUnreadable} have made so far, for metrics and benchmarks. */
    public StoreCommits storeCommits() {
        return new StoreCommits(stores.commits(), stores.committedWrites());
    }

    /** How many commits stored how many deliveries. */
    public record StoreCommits(long commits, long deliveries) {

        /** Deliveries per commit; 0 before the first. */
        public double deliveriesPerCommit() {
            return commits == 0 ? 0 : (double) deliveries / commits;
        }
    }

    /** Deliveries waiting for the next shared commit, for tests that arrange overlapping stores. */
    int storesWaiting() {
        return stores.waiting();
    }
}
