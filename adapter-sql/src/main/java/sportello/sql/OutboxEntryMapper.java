package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.OutboxEntry;

/**
 * Maps an outbound {@code message m} joined with its {@code conversation c}, whose customer is the recipient; a
 * template message comes with its template, which is what the channel sends.
 */
public final class OutboxEntryMapper implements RowMapper<OutboxEntry> {

    public static final String SELECT = "SELECT m.id, m.conversation_id, m.text, m.attempts, m.at,"
            + " c.customer_key, c.user_id, c.phone, c.display_name, " + TemplateColumns.SELECT
            + " FROM message m JOIN conversation c ON c.id = m.conversation_id";

    @Override
    public OutboxEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxEntry(
                rs.getString("id"),
                new ConversationId(rs.getString("conversation_id")),
                CustomerColumns.read(rs),
                rs.getString("text"),
                rs.getInt("attempts"),
                Timestamps.instant(rs.getString("at")),
                TemplateColumns.read(rs));
    }
}
