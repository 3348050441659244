package sportello.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import sportello.ports.out.Retention;
import sportello.sql.LastMessage;
import sportello.sql.Timestamps;

/**
 * Retention in PostgreSQL: forgets what is older than the business keeps, in batches of {@value #BATCH} rows, each its own
 * transaction, so webhooks and workers never wait long for the rows it locks even on the first run over years of data.
 *
 * <p>Deleted, when older than the cutoff: messages in both directions (outbound ones once accepted or failed), with
 * the status reports about them; status reports about no stored message; handled (done or failed) inbox rows; raw
 * webhook deliveries that no inbox row or status report refers to any more (so also unreadable ones). Kept whatever
 * their age: conversations and profiles, messages still to be sent (queued, sending, in doubt), customers' messages
 * still to be processed (pending inbox rows) and the deliveries they came in, model usage, customer turns and the
 * attention log (they hold no message text). What the forgotten messages and status reports add to the analytics is
 * kept as anonymous counts ({@link ErasedCounts}). The list columns of a conversation follow
 * {@link LastMessage#afterForgetting}.
 */
public final class PostgresRetention implements Retention {

    static final int BATCH = 1000;

    /** Messages retention may delete: all inbound ones, outbound ones the channel accepted or we gave up on. */
    private static final String FORGETTABLE = "(send_state IS NULL OR send_state IN ('accepted', 'failed'))";

    /** Status reports about the outbound messages of a batch; binds the list {@code <seqs>}. */
    private static final String REPORTS_OF_BATCH = "((correlation IS NOT NULL AND correlation IN"
            + " (SELECT id FROM message WHERE seq IN (<seqs>) AND direction = 'OUT'))"
            + " OR channel_message_id IN (SELECT channel_message_id FROM message WHERE seq IN (<seqs>)"
            + " AND direction = 'OUT' AND channel_message_id IS NOT NULL))";

    private final PostgresDatabase database;

    public PostgresRetention(PostgresDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public int deleteMessagesBefore(Instant before) {
        String cutoff = Timestamps.text(Objects.requireNonNull(before, "before"));
        int messages = inBatches("forget messages sent before " + before, handle -> messageBatch(handle, cutoff));
        inBatches("forget status reports from before " + before, handle -> orphanReportBatch(handle, cutoff));
        inBatches(
                "forget inbox messages from before " + before,
                handle -> deleteBatch(
                        handle,
                        "DELETE FROM inbox_message WHERE id IN (SELECT id FROM inbox_message"
                                + " WHERE state <> 'pending' AND sent_at < :before LIMIT :limit)",
                        cutoff));
        inBatches(
                "forget webhook deliveries from before " + before,
                handle -> deleteBatch(
                        handle,
                        "DELETE FROM webhook_delivery WHERE id IN (SELECT d.id FROM webhook_delivery d"
                                + " WHERE d.received_at < :before"
                                + " AND NOT EXISTS (SELECT 1 FROM inbox_message i WHERE i.delivery_id = d.id)"
                                + " AND NOT EXISTS (SELECT 1 FROM status_report r WHERE r.delivery_id = d.id)"
                                + " LIMIT :limit)",
                        cutoff));
        return messages;
    }

    private interface Batch {
        int run(Handle handle);
    }

    /** Runs batches until one finds less than a full batch to delete; returns how many rows they deleted. */
    private int inBatches(String action, Batch batch) {
        int total = 0;
        int deleted;
        do {
            deleted = database.inWriteTransaction(action, batch::run);
            total += deleted;
        } while (deleted >= BATCH);
        return total;
    }

    private static int deleteBatch(Handle handle, String sql, String cutoff) {
        return handle.createUpdate(sql)
                .bind("before", cutoff)
                .bind("limit", BATCH)
                .execute();
    }

    /** Status reports about no stored message: counted for the pricing figures, then deleted. */
    private static int orphanReportBatch(Handle handle, String cutoff) {
        List<Long> ids = handle.createQuery("SELECT r.id FROM status_report r WHERE r.at < :before"
                        + " AND NOT EXISTS (SELECT 1 FROM message m WHERE m.channel_message_id = r.channel_message_id)"
                        + " AND (r.correlation IS NULL OR NOT EXISTS (SELECT 1 FROM message m"
                        + " WHERE m.id = r.correlation)) LIMIT :limit")
                .bind("before", cutoff)
                .bind("limit", BATCH)
                .mapTo(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        ErasedCounts.pricing(handle, "id IN (<ids>)", Map.of("ids", ids));
        return handle.createUpdate("DELETE FROM status_report WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .execute();
    }

    /** The oldest forgettable messages: counted for analytics, deleted with their status reports. */
    private static int messageBatch(Handle handle, String cutoff) {
        List<Long> seqs = handle.createQuery(
                        "SELECT seq FROM message WHERE at < :before AND " + FORGETTABLE + " ORDER BY at LIMIT :limit")
                .bind("before", cutoff)
                .bind("limit", BATCH)
                .mapTo(Long.class)
                .list();
        if (seqs.isEmpty()) {
            return 0;
        }
        List<String> conversations = handle.createQuery(
                        "SELECT DISTINCT conversation_id FROM message WHERE seq IN (<seqs>) ORDER BY 1")
                .bindList("seqs", seqs)
                .mapTo(String.class)
                .list();
        // before any row is touched, and in one order, so a save of one of them can neither interleave nor deadlock
        conversations.forEach(id -> PostgresDatabase.lockConversation(handle, id));
        ErasedCounts.messages(handle, "m.seq IN (<seqs>)", Map.of("seqs", seqs));
        ErasedCounts.pricing(handle, REPORTS_OF_BATCH, Map.of("seqs", seqs));
        handle.createUpdate("DELETE FROM status_report WHERE " + REPORTS_OF_BATCH)
                .bindList("seqs", seqs)
                .execute();
        int deleted = handle.createUpdate("DELETE FROM message WHERE seq IN (<seqs>)")
                .bindList("seqs", seqs)
                .execute();
        conversations.forEach(id -> LastMessage.afterForgetting(handle, id));
        return deleted;
    }
}
