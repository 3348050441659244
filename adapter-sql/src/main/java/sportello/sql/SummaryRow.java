package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.ports.out.ConversationSummary;

/** Maps a {@code conversation} row, with its denormalised list columns, to a line of the conversation list. */
public final class SummaryRow {

    public static final String COLUMNS = "id, customer_key, user_id, phone, display_name, mode, attention_reason,"
            + " last_message_at, last_message_text, last_inbound_at, profile_name, profile_complete, unread,"
            + " window_closed_at";

    private SummaryRow() {}

    public static ConversationSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
        var customer = CustomerColumns.read(rs);
        var profileName = rs.getString("profile_name");
        var reason = rs.getString("attention_reason");
        return new ConversationSummary(
                new ConversationId(rs.getString("id")),
                customer,
                profileName != null ? profileName : customer.displayName(),
                Mode.valueOf(rs.getString("mode")),
                Timestamps.instant(rs.getString("last_message_at")),
                rs.getString("last_message_text"),
                Timestamps.instant(rs.getString("last_inbound_at")),
                rs.getInt("profile_complete") == 1,
                reason != null,
                reason,
                rs.getInt("unread"),
                Timestamps.instant(rs.getString("window_closed_at")));
    }
}
