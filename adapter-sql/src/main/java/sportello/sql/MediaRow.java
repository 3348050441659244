package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import sportello.ports.out.StoredMedia;

/** A {@code media_file} row: the stored file as the port describes it, and its name in the media directory. */
public record MediaRow(StoredMedia media, String fileName) {

    public static final String COLUMNS = "media_id, mime_type, size, sha256, stored_at, file_name";

    public static MediaRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MediaRow(
                new StoredMedia(
                        rs.getString("media_id"),
                        rs.getString("mime_type"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        Timestamps.instant(rs.getString("stored_at"))),
                rs.getString("file_name"));
    }
}
