package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;
import sportello.domain.conversation.Attachment;

/**
 * A message's attachment in the columns {@code media_id, media_mime_type, media_file_name}, which are all NULL for a
 * message without a file.
 */
public final class AttachmentColumns {

    private AttachmentColumns() {}

    /** Binds {@code :mediaId, :mediaMimeType, :mediaFileName}, all three null when there is no attachment. */
    public static <S extends SqlStatement<S>> S bind(S statement, Attachment attachment) {
        return statement
                .bind("mediaId", attachment == null ? null : attachment.mediaId())
                .bind("mediaMimeType", attachment == null ? null : attachment.mimeType())
                .bind("mediaFileName", attachment == null ? null : attachment.fileName());
    }

    public static Attachment read(ResultSet rs) throws SQLException {
        String mediaId = rs.getString("media_id");
        return mediaId == null
                ? null
                : new Attachment(mediaId, rs.getString("media_mime_type"), rs.getString("media_file_name"));
    }
}
