package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Delivery;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.StatusReport;

/**
 * A {@code message} row. Inbound rows keep the delivery the domain gave them; an outbound row's delivery is
 * computed on reading, from its send state and every status report about it, so it is never stale. Only inbound
 * rows have an attachment.
 */
public record StoredMessage(
        String id,
        String channelMessageId,
        Direction direction,
        Author author,
        MessageKind kind,
        String text,
        Instant at,
        Delivery inboundDelivery,
        SendState sendState,
        String failureReason,
        Attachment attachment) {

    public static final String COLUMNS = "id, channel_message_id, direction, author, kind, text, at, delivery_state,"
            + " delivery_failure, send_state, failure_reason, media_id, media_mime_type, media_file_name";

    public static StoredMessage map(ResultSet rs, StatementContext ctx) throws SQLException {
        var direction = Direction.valueOf(rs.getString("direction"));
        var inbound = direction == Direction.IN;
        return new StoredMessage(
                rs.getString("id"),
                rs.getString("channel_message_id"),
                direction,
                Author.valueOf(rs.getString("author")),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("text"),
                Timestamps.instant(rs.getString("at")),
                inbound
                        ? new Delivery(
                                DeliveryState.valueOf(rs.getString("delivery_state")), rs.getString("delivery_failure"))
                        : null,
                inbound ? null : SendState.of(rs.getString("send_state")),
                rs.getString("failure_reason"),
                AttachmentColumns.read(rs));
    }

    /** The domain message, with {@code reports} (any of the conversation's) folded in if they concern it. */
    public Message toMessage(List<StatusReport> reports) {
        var delivery = direction == Direction.IN
                ? inboundDelivery
                : Delivery.fold(
                        sendState.baseDelivery(failureReason),
                        reports.stream().filter(this::isAbout).toList());
        return new Message(id, channelMessageId, direction, author, kind, text, at, delivery, attachment);
    }

    /** A report finds its message by the channel's id or, when the send's answer was lost, by our correlation. */
    private boolean isAbout(StatusReport report) {
        return id.equals(report.correlation())
                || (channelMessageId != null && channelMessageId.equals(report.channelMessageId()));
    }
}
