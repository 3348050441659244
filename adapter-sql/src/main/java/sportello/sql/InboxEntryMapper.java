package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.ports.out.InboxEntry;

/** Maps an {@code inbox_message} row (customer columns aliased for {@link CustomerColumns}). */
public final class InboxEntryMapper implements RowMapper<InboxEntry> {

    /** Columns of {@code inbox_message i} joined with its {@code webhook_delivery d}. */
    public static final String COLUMNS = "i.id, i.channel_account, i.channel_message_id, i.customer_key,"
            + " i.customer_user_id AS user_id, i.customer_phone AS phone, i.customer_display_name AS display_name,"
            + " i.kind, i.text, i.sent_at, i.raw, i.media_id, i.media_mime_type, i.media_file_name, i.refers_to,"
            + " d.received_at";

    @Override
    public InboxEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new InboxEntry(
                rs.getLong("id"),
                new CustomerMessage(
                        rs.getString("channel_account"),
                        rs.getString("channel_message_id"),
                        CustomerColumns.read(rs),
                        MessageKind.valueOf(rs.getString("kind")),
                        rs.getString("text"),
                        Timestamps.instant(rs.getString("sent_at")),
                        rs.getString("raw"),
                        AttachmentColumns.read(rs),
                        rs.getString("refers_to")),
                Timestamps.instant(rs.getString("received_at")));
    }
}
