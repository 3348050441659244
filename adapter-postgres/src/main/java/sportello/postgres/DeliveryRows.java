package sportello.postgres;

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
 * Writes a webhook delivery with its messages and status reports: one insert for the delivery, then one batched
 * statement each for its messages and its reports, as in the SQLite adapter (batched rows cost a fraction of one
 * statement each).
 */
final class DeliveryRows {

    private DeliveryRows() {}

    /**
     * Inserts the delivery and returns how many of its messages were new. A message stored before, by this instance
     * or another, or earlier in the same delivery, hits the unique key and is skipped.
     */
    static int insert(Handle handle, IncomingDelivery delivery) {
        long id = handle.createQuery("INSERT INTO webhook_delivery (channel, body, received_at, unreadable_reason)"
                        + " VALUES (:channel, :body, :receivedAt, :reason) RETURNING id")
                .bind("channel", delivery.raw().channel())
                .bind("body", delivery.raw().body())
                .bind("receivedAt", Timestamps.text(delivery.raw().receivedAt()))
                .bind("reason", delivery.unreadableReason())
                .mapTo(Long.class)
                .one();
        int fresh = insertMessages(handle, id, delivery.messages());
        insertStatuses(handle, id, delivery.statuses());
        return fresh;
    }

    private static int insertMessages(Handle handle, long deliveryId, List<CustomerMessage> messages) {
        var batch = handle.prepareBatch("INSERT INTO inbox_message (delivery_id, channel_account, channel_message_id,"
                + " customer_key, customer_user_id, customer_phone, customer_display_name, kind, text, sent_at, raw,"
                + " media_id, media_mime_type, media_file_name, refers_to)"
                + " VALUES (:delivery, :account, :channelId, :key, :userId, :phone, :name, :kind, :text, :sentAt,"
                + " :raw, :mediaId, :mediaMimeType, :mediaFileName, :refersTo)"
                + " ON CONFLICT (channel_account, channel_message_id) DO NOTHING");
        messages.forEach(message -> bindMessage(batch, deliveryId, message).add());
        int fresh = 0;
        for (int inserted : execute(batch)) {
            fresh += inserted;
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
    private static void insertStatuses(Handle handle, long deliveryId, List<StatusReport> statuses) {
        var batch = handle.prepareBatch("INSERT INTO status_report (delivery_id, channel_account, channel_message_id,"
                + " state, at, failure_reason, correlation, pricing_model, pricing_type, pricing_category)"
                + " VALUES (:delivery, :account, :channelId, :state, :at, :reason, :correlation, :pricingModel,"
                + " :pricingType, :pricingCategory)"
                + " ON CONFLICT (channel_message_id, state)"
                + " DO UPDATE SET correlation = coalesce(status_report.correlation, excluded.correlation),"
                + " " + PricingColumns.KEEP_FIRST);
        for (StatusReport status : statuses) {
            PricingColumns.bind(batch, status.pricing())
                    .bind("delivery", deliveryId)
                    .bind("account", status.channelAccount())
                    .bind("channelId", status.channelMessageId())
                    .bind("state", status.state().name())
                    .bind("at", Timestamps.text(status.at()))
                    .bind("reason", status.failureReason())
                    .bind("correlation", status.correlation())
                    .add();
        }
        execute(batch);
    }

    /** Rows changed per added row; an empty batch is not sent (a delivery may carry no messages or no reports). */
    private static int[] execute(PreparedBatch batch) {
        return batch.size() == 0 ? new int[0] : batch.execute();
    }
}
