package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.conversation.Attention;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.domain.customer.Customer;

/**
 * A {@code conversation} row: the header of a conversation, its denormalised last message, and when the channel
 * closed the service window.
 */
public record ConversationRow(
        ConversationId id,
        Customer customer,
        Mode mode,
        Attention attention,
        Instant lastMessageAt,
        String lastMessageText,
        Instant windowClosedAt) {

    public static final String COLUMNS = "id, customer_key, user_id, phone, display_name, mode, attention_reason,"
            + " attention_since, last_message_at, last_message_text, window_closed_at";

    public static ConversationRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        var reason = rs.getString("attention_reason");
        return new ConversationRow(
                new ConversationId(rs.getString("id")),
                CustomerColumns.read(rs),
                Mode.valueOf(rs.getString("mode")),
                reason == null
                        ? Attention.NONE
                        : new Attention(reason, Timestamps.instant(rs.getString("attention_since"))),
                Timestamps.instant(rs.getString("last_message_at")),
                rs.getString("last_message_text"),
                Timestamps.instant(rs.getString("window_closed_at")));
    }
}
