package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.StatusReport;

/** Maps a {@code status_report r} row, with its pricing if the channel reported one. */
public final class StatusReportMapper implements RowMapper<StatusReport> {

    public static final String COLUMNS =
            "r.id, r.channel_account, r.channel_message_id, r.state, r.at, r.failure_reason,"
                    + " r.correlation, r.pricing_model, r.pricing_type, r.pricing_category";

    @Override
    public StatusReport map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StatusReport(
                rs.getString("channel_account"),
                rs.getString("channel_message_id"),
                DeliveryState.valueOf(rs.getString("state")),
                Timestamps.instant(rs.getString("at")),
                rs.getString("failure_reason"),
                rs.getString("correlation"),
                PricingColumns.read(rs));
    }
}
