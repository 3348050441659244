package sportello.faults;

import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The send state of Sportello's outgoing messages, read straight from the database: {@code sportello.db} (read-only,
 * beside the running service: WAL readers never block it) or the PostgreSQL database the instances share. The API
 * shows an in-doubt message only as "pending"; this tells why.
 */
final class OutboxRows {

    /** One outgoing message: {@code state} is queued, sending, in_doubt, accepted or failed. */
    record Row(String id, String state, int attempts, String lastError, String dueAt) {}

    private static final String QUERY =
            "SELECT id, send_state, attempts, last_error, due_at FROM message WHERE direction = 'OUT'";

    private OutboxRows() {}

    static Map<String, Row> read(Path database) {
        return read("jdbc:sqlite:file:" + database.toAbsolutePath() + "?mode=ro", database.toString());
    }

    /** From PostgreSQL, given the {@code postgresql://user@host:port/db} URL the instances have as DATABASE_URL. */
    static Map<String, Row> readPostgres(String databaseUrl) {
        return read(jdbcUrl(databaseUrl), databaseUrl);
    }

    /** {@code postgresql://user@host:port/db} (no password: the test server trusts local logins) as a JDBC URL. */
    static String jdbcUrl(String databaseUrl) {
        var uri = URI.create(databaseUrl);
        return "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath() + "?user="
                + uri.getUserInfo();
    }

    private static Map<String, Row> read(String jdbcUrl, String what) {
        var rows = new HashMap<String, Row>();
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.prepareStatement(QUERY);
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
            throw new IllegalStateException("could not read the outbox of " + what + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
