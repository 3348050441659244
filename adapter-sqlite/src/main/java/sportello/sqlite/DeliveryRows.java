package sportello.sqlite;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.sql.AttachmentColumns;
import sportello.sql.IncomingDelivery;
import sportello.sql.PricingColumns;
import sportello.sql.Timestamps;

/**
 * Writes webhook deliveries with their messages and status reports: three batched statements for any number of
 * deliveries. One statement per row costs about 160 µs of CPU each in Jdbi, batched rows about 25 µs (measured on
 * the 2-core benchmark machine), and a group commit carries up to hundreds of deliveries while others wait.
 */
final class DeliveryRows {

    private DeliveryRows() {}

    /**
     * Inserts the deliveries in order and returns how many of each one's messages were new. A message stored
     * before, or earlier in the list, hits the unique key and is skipped, so a repeat counts only where it came first.
     */
    static List<Integer> insert(Handle handle, List<IncomingDelivery> deliveries) {
        long firstId = nextDeliveryId(handle);
        insertDeliveries(handle, firstId, deliveries);
        var fresh = insertMessages(handle, firstId, deliveries);
        insertStatuses(handle, firstId, deliveries);
        return fresh;
    }

    /**
     * The ids are handed out here, not by SQLite, so the messages can reference their delivery within the same
     * batch. It is the id SQLite would pick itself (largest plus one: {@code webhook_delivery.id} has no
     * AUTOINCREMENT), and the write transaction keeps every other writer out until commit.
     */
    private static long nextDeliveryId(Handle handle) {
        return handle.createQuery("SELECT coalesce(max(id), 0) + 1 FROM webhook_delivery")
                .mapTo(Long.class)
                .one();
    }

    private static void insertDeliveries(Handle handle, long firstId, List<IncomingDelivery> deliveries) {
        var batch =
                handle.prepareBatch("INSERT INTO webhook_delivery (id, channel, body, received_at, unreadable_reason)"
                        + " VALUES (:id, :channel, :body, :receivedAt, :reason)");
        for (int i = 0; i < deliveries.size(); i++) {
            var delivery = deliveries.get(i);
            batch.bind("id", firstId + i)
                    .bind("channel", delivery.raw().channel())
                    .bind("body", delivery.raw().body())
                    .bind("receivedAt", Timestamps.text(delivery.raw().receivedAt()))
                    .bind("reason", delivery.unreadableReason())
                    .add();
        }
        batch.execute();
    }

    private static List<Integer> insertMessages(Handle handle, long firstId, List<IncomingDelivery> deliveries) {
        var batch = handle.prepareBatch("INSERT INTO inbox_message (delivery_id, channel_account, channel_message_id,"
                + " customer_key, customer_user_id, customer_phone, customer_display_name, kind, text, sent_at, raw,"
                + " media_id, media_mime_type, media_file_name, refers_to)"
                + " VALUES (:delivery, :account, :channelId, :key, :userId, :phone, :name, :kind, :text, :sentAt,"
                + " :raw, :mediaId, :mediaMimeType, :mediaFileName, :refersTo)"
                + " ON CONFLICT (channel_account, channel_message_id) DO NOTHING");
        for (int i = 0; i < deliveries.size(); i++) {
            for (CustomerMessage message : deliveries.get(i).messages()) {
                bindMessage(batch, firstId + i, message).add();
            }
        }
        int[] inserted = execute(batch);
        var fresh = new ArrayList<Integer>(deliveries.size());
        int row = 0;
        for (var delivery : deliveries) {
            int count = 0;
            for (int m = 0; m < delivery.messages().size(); m++) {
                count += inserted[row++];
            }
            fresh.add(count);
        }
        return fresh;
    }

    private static PreparedBatch bindMessage(PreparedBatch batch, long deliveryId, CustomerMessage message) {
        var customer = message.customer();
        return AttachmentColumns.bind(batch, message.attachment())
                .bind("delivery", deliveryId)
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
                .bind("refersTo", message.refersTo());
    }

    /**
     * Keeps one report per message and state. A repeat is harmless, but may bring the correlation an earlier
     * copy lacked, which is what finds a message whose send answer was lost, or the pricing it lacked (the three
     * pricing columns are taken together, from the first copy that had them).
     */
    private static void insertStatuses(Handle handle, long firstId, List<IncomingDelivery> deliveries) {
        var batch = handle.prepareBatch("INSERT INTO status_report (delivery_id, channel_account, channel_message_id,"
                + " state, at, failure_reason, correlation, pricing_model, pricing_type, pricing_category)"
                + " VALUES (:delivery, :account, :channelId, :state, :at, :reason, :correlation, :pricingModel,"
                + " :pricingType, :pricingCategory)"
                + " ON CONFLICT (channel_message_id, state)"
                + " DO UPDATE SET correlation = coalesce(status_report.correlation, excluded.correlation),"
                + " " + PricingColumns.KEEP_FIRST);
        for (int i = 0; i < deliveries.size(); i++) {
            for (StatusReport status : deliveries.get(i).statuses()) {
                PricingColumns.bind(batch, status.pricing())
                        .bind("delivery", firstId + i)
                        .bind("account", status.channelAccount())
                        .bind("channelId", status.channelMessageId())
                        .bind("state", status.state().name())
                        .bind("at", Timestamps.text(status.at()))
                        .bind("reason", status.failureReason())
                        .bind("correlation", status.correlation())
                        .add();
            }
        }
        execute(batch);
    }

    /** Rows changed per added row; an empty batch is not sent (a delivery may carry no messages or no reports). */
    private static int[] execute(PreparedBatch batch) {
        return batch.size() == 0 ? new int[0] : batch.execute();
    }
}
