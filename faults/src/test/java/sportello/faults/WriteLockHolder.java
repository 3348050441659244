package sportello.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Another process (this test JVM) holding SQLite's write lock on Sportello's database: a {@code BEGIN IMMEDIATE}
 * transaction left open, as a backup tool, a hand-run sqlite3 session or a stuck script would.
 */
final class WriteLockHolder implements AutoCloseable {

    private final Connection connection;

    private WriteLockHolder(Connection connection) {
        this.connection = connection;
    }

    static WriteLockHolder lock(Path database) {
        try {
            var connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 30000"); // Sportello may be mid-write: wait for our turn
                statement.execute("BEGIN IMMEDIATE");
            }
            return new WriteLockHolder(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the write lock of " + database + ": " + e.getMessage(), e);
        }
    }

    /** Lets go: the transaction is rolled back, nothing of ours was written. */
    @Override
    public void close() {
        try (connection;
                var statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
