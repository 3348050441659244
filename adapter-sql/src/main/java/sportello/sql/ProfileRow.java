package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ProfileValue;

/** A {@code profile_value} row: one field of one conversation's customer profile. */
public record ProfileRow(String conversationId, String field, ProfileValue value) {

    public static final String COLUMNS = "conversation_id, field, value, source, recorded_at";

    public static ProfileRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ProfileRow(
                rs.getString("conversation_id"),
                rs.getString("field"),
                new ProfileValue(
                        rs.getString("value"),
                        rs.getString("source"),
                        Timestamps.instant(rs.getString("recorded_at"))));
    }

    public static CustomerProfile profile(Collection<ProfileRow> rows) {
        var values = new HashMap<String, ProfileValue>();
        rows.forEach(row -> values.put(row.field(), row.value()));
        return new CustomerProfile(values);
    }
}
