package sportello.faults;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The send state of Sportello's outgoing messages, read straight from {@code sportello.db} (read-only, beside the
 * running service: WAL readers never block it). The API shows an in-doubt message only as "pending"; this tells why.
 */
final class OutboxRows {

    /** One outgoing message: {@code state} is queued, sending, in_doubt, accepted or failed. */
    record Row(String id, String state, int attempts, String lastError, String dueAt) {}

    private OutboxRows() {}

    static Map<String, Row> read(Path database) {
        var rows = new HashMap<String, Row>();
        String url = "jdbc:sqlite:file:" + database.toAbsolutePath() + "?mode=ro";
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.prepareStatement(
                        "SELECT id, send_state, attempts, last_error, due_at FROM message WHERE direction = 'OUT'");
                var result = statement.executeQuery()) {
            while (result.next()) {
                var row = new Row(
                        result.getString(1),
                        result.getString(2),
                        result.getInt(3),
                        result.getString(4),
                        result.getString(5));
                rows.put(row.id(), row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox of " + database + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
